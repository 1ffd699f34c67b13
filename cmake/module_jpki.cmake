# mynumber::jpki — JPKI certificates: parse, extract, verify. Header-only; OpenSSL 3 (libcrypto)
# is an INTERFACE dependency. Defined only when OpenSSL 3 is found.
# detail/openssl.hpp (the RAII owners, shared with the secure module) is in mynumber::openssl.
if(TARGET mynumber_openssl)  # defined in the top-level CMakeLists.txt when OpenSSL 3 is found
  add_library(mynumber_jpki INTERFACE)
  add_library(mynumber::jpki ALIAS mynumber_jpki)
  set_target_properties(mynumber_jpki PROPERTIES EXPORT_NAME jpki)
  target_link_libraries(mynumber_jpki INTERFACE mynumber_core mynumber_openssl)
  file(GLOB _mn_jpki_headers CONFIGURE_DEPENDS
    "${PROJECT_SOURCE_DIR}/include/mynumber/jpki/*.hpp"
    "${PROJECT_SOURCE_DIR}/include/mynumber/jpki/detail/*.hpp")
  target_sources(mynumber_jpki INTERFACE FILE_SET HEADERS BASE_DIRS include FILES
    include/mynumber/jpki.hpp ${_mn_jpki_headers})
  mynumber_verify_headers(mynumber_jpki)
  list(APPEND MYNUMBER_EXPORTED_TARGETS mynumber_jpki)
  list(APPEND MYNUMBER_FOUND_COMPONENTS jpki)
else()
  message(STATUS "mynumber: OpenSSL 3 (Crypto) not found; the jpki component is not built")
endif()
