// File: law.hpp — umbrella header of the My Number Act module (mynumber::law).
// Informational only, not legal advice: every answer carries its citations, dates and the
// confidence of its data (see docs/law.md and docs/legal-sources.md).
#ifndef MYNUMBER_LAW_HPP
#define MYNUMBER_LAW_HPP

#include "law/annex.hpp"
#include "law/handling.hpp"
#include "law/identity.hpp"
#include "law/json.hpp"
#include "law/payment.hpp"
#include "law/penalty.hpp"
#include "law/rules.hpp"
#include "law/types.hpp"
#include "law/use.hpp"

#endif  // MYNUMBER_LAW_HPP
