// File: mynumber.hpp — umbrella header for the standard-library-only core.
// Modules with dependencies have their own umbrella headers (fmt.hpp, and those of later modules).
#ifndef MYNUMBER_MYNUMBER_HPP
#define MYNUMBER_MYNUMBER_HPP

#include "bulk.hpp"
#include "check_digit.hpp"
#include "config.hpp"
#include "corporate_number.hpp"
#include "date.hpp"
#include "error.hpp"
#include "generate.hpp"
#include "individual_number.hpp"
#include "invoice_number.hpp"
#include "iso6523.hpp"
#include "kind.hpp"
#include "mask.hpp"
#include "normalize.hpp"
#include "number.hpp"
#include "registration_number.hpp"
#include "result.hpp"
#include "version.hpp"
#include "wareki.hpp"

#endif  // MYNUMBER_MYNUMBER_HPP
