// A consumer of the installed core alone: exits non-zero unless the core works.
#include <mynumber/mynumber.hpp>

int main() {
  const bool ok = mynumber::is_valid_individual("123456789018") &&
                  mynumber::corporate_number::from_base("700110005901").reveal() == "8700110005901" &&
                  mynumber::individual_number::parse("123456789018").masked() == "********9018";
  return ok ? 0 : 1;
}
