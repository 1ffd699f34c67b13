/* File: c_test.h — a minimal check harness for the C ABI tests (C99, no dependencies).
 * CHECK(cond) records a failure with file and line and continues; c_test_main.c returns non-zero
 * if any check failed. Module tests define void mn_test_<m>(void) in tests/c/<m>.test.c. */
#ifndef MYNUMBER_TESTS_C_TEST_H
#define MYNUMBER_TESTS_C_TEST_H

#include <stdio.h>
#include <string.h>

extern int mn_test_checks;
extern int mn_test_failures;

#define CHECK(cond)                                                            \
  do {                                                                         \
    ++mn_test_checks;                                                          \
    if (!(cond)) {                                                             \
      ++mn_test_failures;                                                      \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
    }                                                                          \
  } while (0)

#define CHECK_EQ_INT(a, b)                                                                                         \
  do {                                                                                                             \
    long long mn_a_ = (long long)(a), mn_b_ = (long long)(b);                                                      \
    ++mn_test_checks;                                                                                              \
    if (mn_a_ != mn_b_) {                                                                                          \
      ++mn_test_failures;                                                                                          \
      fprintf(stderr, "%s:%d: CHECK failed: %s == %s (%lld != %lld)\n", __FILE__, __LINE__, #a, #b, mn_a_, mn_b_); \
    }                                                                                                              \
  } while (0)

#define CHECK_STR(a, b) CHECK(strcmp((a), (b)) == 0)

void mn_test_numbers(void);
void mn_test_bad_input(void);
void mn_test_law(void);
void mn_test_secure(void);
void mn_test_jpki(void);
void mn_test_card(void);
void mn_test_corp(void);

#endif
