# mynumber::secure — sensitive-data handling: secrets, keys, linkage tokens, sealed storage and
# the audit trail. Header-only; OpenSSL 3 (libcrypto) is an INTERFACE dependency. Defined only
# when OpenSSL 3 is found.
if(TARGET mynumber_openssl)  # defined in the top-level CMakeLists.txt when OpenSSL 3 is found
  add_library(mynumber_secure INTERFACE)
  add_library(mynumber::secure ALIAS mynumber_secure)
  set_target_properties(mynumber_secure PROPERTIES EXPORT_NAME secure)
  target_link_libraries(mynumber_secure INTERFACE mynumber_core mynumber_openssl)
  file(GLOB _mn_secure_headers CONFIGURE_DEPENDS
    "${PROJECT_SOURCE_DIR}/include/mynumber/secure/*.hpp"
    "${PROJECT_SOURCE_DIR}/include/mynumber/secure/detail/*.hpp")
  target_sources(mynumber_secure INTERFACE FILE_SET HEADERS BASE_DIRS include FILES
    include/mynumber/secure.hpp ${_mn_secure_headers})
  mynumber_verify_headers(mynumber_secure)
  list(APPEND MYNUMBER_EXPORTED_TARGETS mynumber_secure)
  list(APPEND MYNUMBER_FOUND_COMPONENTS secure)
else()
  message(STATUS "mynumber: OpenSSL 3 (Crypto) not found; the secure component is not built")
endif()
