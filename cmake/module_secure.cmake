# mynumber::secure — sensitive-data handling: secrets, keys, linkage tokens, sealed storage and
# the audit trail. Header-only; OpenSSL 3 (libcrypto) is an INTERFACE dependency.
# detail/openssl.hpp (the RAII owners over OpenSSL handles, shared with the jpki module) is
# installed with each module that uses it; there is no public OpenSSL target of our own.
mynumber_module_option(secure "sensitive-data handling: tokens, sealing, audit (OpenSSL 3)")
if(MYNUMBER_WANT_SECURE)
  find_package(OpenSSL 3 QUIET COMPONENTS Crypto)
endif()
mynumber_module_decide(secure NEEDS OpenSSL_FOUND "OpenSSL 3 (libcrypto)" libssl-dev
  DETAIL "OpenSSL ${OPENSSL_VERSION}")
if(MYNUMBER_HAS_SECURE)
  add_library(mynumber_secure INTERFACE)
  add_library(mynumber::secure ALIAS mynumber_secure)
  set_target_properties(mynumber_secure PROPERTIES EXPORT_NAME secure)
  target_link_libraries(mynumber_secure INTERFACE mynumber_core OpenSSL::Crypto)
  file(GLOB _mn_secure_headers CONFIGURE_DEPENDS
    "${PROJECT_SOURCE_DIR}/include/mynumber/secure/*.hpp"
    "${PROJECT_SOURCE_DIR}/include/mynumber/secure/detail/*.hpp")
  target_sources(mynumber_secure INTERFACE FILE_SET HEADERS BASE_DIRS include FILES
    include/mynumber/secure.hpp include/mynumber/detail/openssl.hpp ${_mn_secure_headers})
  mynumber_verify_headers(mynumber_secure)
  list(APPEND MYNUMBER_EXPORTED_TARGETS mynumber_secure)
  list(APPEND MYNUMBER_FOUND_COMPONENTS secure)
endif()
