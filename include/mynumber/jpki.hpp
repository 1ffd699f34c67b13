// File: jpki.hpp — umbrella header of the jpki module (mynumber::jpki): JPKI certificates of the
// My Number Card read, classified, extracted and verified with OpenSSL 3.
#ifndef MYNUMBER_JPKI_HPP
#define MYNUMBER_JPKI_HPP

#include "jpki/basic_info.hpp"
#include "jpki/certificate.hpp"
#include "jpki/crl.hpp"
#include "jpki/json.hpp"
#include "jpki/oids.hpp"
#include "jpki/signature.hpp"
#include "jpki/trust_anchors.hpp"
#include "jpki/verify.hpp"

#endif  // MYNUMBER_JPKI_HPP
