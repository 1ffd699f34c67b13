// File: secure.hpp — the sensitive-data module (mynumber::secure, needs OpenSSL 3): secrets that
// wipe themselves, organisation keys, linkage tokens, sealed storage and the audit trail.
// None of these make a number anonymous: tokens and sealed values are still 特定個人情報
// (PPC FAQ Q9-2, Q9-4). See docs/security.md for the threat model.
#ifndef MYNUMBER_SECURE_HPP
#define MYNUMBER_SECURE_HPP

#include "secure/audit.hpp"
#include "secure/key.hpp"
#include "secure/sealed.hpp"
#include "secure/secret.hpp"
#include "secure/token.hpp"

#endif  // MYNUMBER_SECURE_HPP
