// File: detail/secure_wipe.hpp — overwrite memory in a way the optimiser may not elide.
// The core is standard-library only, so this uses volatile stores rather than OPENSSL_cleanse;
// the OpenSSL-backed secret type (secure module) uses OPENSSL_cleanse instead.
#ifndef MYNUMBER_DETAIL_SECURE_WIPE_HPP
#define MYNUMBER_DETAIL_SECURE_WIPE_HPP

#include <cstddef>

#include "../config.hpp"

MYNUMBER_BEGIN_NAMESPACE
namespace detail {

inline void secure_wipe(void* data, std::size_t size) noexcept {
  auto* p = static_cast<volatile unsigned char*>(data);
  while (size-- != 0) *p++ = 0;
}

}  // namespace detail
MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_DETAIL_SECURE_WIPE_HPP
