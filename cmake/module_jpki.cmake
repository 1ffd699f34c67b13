# mynumber::jpki — JPKI certificates: parse, extract, verify. Header-only; OpenSSL 3 (libcrypto)
# is an INTERFACE dependency.
# detail/openssl.hpp (the RAII owners over OpenSSL handles, shared with the secure module) is
# installed with each module that uses it; there is no public OpenSSL target of our own.
mynumber_module_option(jpki "JPKI certificates: parse, extract, verify (OpenSSL 3)")
if(MYNUMBER_WANT_JPKI)
  find_package(OpenSSL 3 QUIET COMPONENTS Crypto)
endif()
mynumber_module_decide(jpki NEEDS OpenSSL_FOUND "OpenSSL 3 (libcrypto)" libssl-dev
  DETAIL "OpenSSL ${OPENSSL_VERSION}")
if(MYNUMBER_HAS_JPKI)
  add_library(mynumber_jpki INTERFACE)
  add_library(mynumber::jpki ALIAS mynumber_jpki)
  set_target_properties(mynumber_jpki PROPERTIES EXPORT_NAME jpki)
  target_link_libraries(mynumber_jpki INTERFACE mynumber_core OpenSSL::Crypto)
  file(GLOB _mn_jpki_headers CONFIGURE_DEPENDS
    "${PROJECT_SOURCE_DIR}/include/mynumber/jpki/*.hpp"
    "${PROJECT_SOURCE_DIR}/include/mynumber/jpki/detail/*.hpp")
  target_sources(mynumber_jpki INTERFACE FILE_SET HEADERS BASE_DIRS include FILES
    include/mynumber/jpki.hpp include/mynumber/detail/openssl.hpp ${_mn_jpki_headers})
  mynumber_verify_headers(mynumber_jpki)
  list(APPEND MYNUMBER_EXPORTED_TARGETS mynumber_jpki)
  list(APPEND MYNUMBER_FOUND_COMPONENTS jpki)
endif()
