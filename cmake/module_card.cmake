# mynumber::card — the My Number Card: data model, validity rules, APDUs, BER-TLV, transports and
# the reader. Header-only on the core. Optional parts:
#   * with mynumber::jpki (included before this file): the reader returns jpki::certificate
#     (compile definition MYNUMBER_CARD_HAS_JPKI=1);
#   * with libpcsclite (pkg-config; option MYNUMBER_WITH_PCSC): the PC/SC transport
#     card/pcsc.hpp (MYNUMBER_HAS_PCSC=1).
mynumber_module_option(card "the My Number Card: data model, APDUs, reader (no dependency)")
if(MYNUMBER_HAS_JPKI)
  set(_mn_card_detail "the reader returns JPKI certificates")
else()
  set(_mn_card_detail "without JPKI certificates: the jpki module is not built")
endif()
mynumber_module_decide(card DETAIL "${_mn_card_detail}")
mynumber_module_option(pcsc "the card module's PC/SC transport (pcsc-lite)")
if(NOT MYNUMBER_HAS_CARD)
  mynumber_module_decide(pcsc SKIP_REASON "the card module is not built")
  set(MYNUMBER_CARD_HAS_PCSC OFF)
  return()
endif()
add_library(mynumber_card INTERFACE)
add_library(mynumber::card ALIAS mynumber_card)
set_target_properties(mynumber_card PROPERTIES EXPORT_NAME card)
target_link_libraries(mynumber_card INTERFACE mynumber_core)
set(_mn_card_headers
  include/mynumber/card.hpp
  include/mynumber/card/apdu.hpp include/mynumber/card/application.hpp
  include/mynumber/card/face.hpp include/mynumber/card/pin.hpp include/mynumber/card/reader.hpp
  include/mynumber/card/tlv.hpp include/mynumber/card/transport.hpp include/mynumber/card/validity.hpp)
if(TARGET mynumber_jpki)  # defined by module_jpki.cmake, included before this file
  target_link_libraries(mynumber_card INTERFACE mynumber_jpki)
  target_compile_definitions(mynumber_card INTERFACE MYNUMBER_CARD_HAS_JPKI=1)
endif()
if(MYNUMBER_WANT_PCSC)
  find_package(PkgConfig QUIET)
  if(PkgConfig_FOUND)
    pkg_check_modules(PCSC QUIET IMPORTED_TARGET libpcsclite)
  endif()
endif()
mynumber_module_decide(pcsc
  NEEDS PkgConfig_FOUND "pkg-config" pkg-config
  NEEDS PCSC_FOUND "pcsc-lite (libpcsclite)" libpcsclite-dev
  DETAIL "pcsc-lite ${PCSC_VERSION}")
if(MYNUMBER_HAS_PCSC)
  target_link_libraries(mynumber_card INTERFACE PkgConfig::PCSC)
  target_compile_definitions(mynumber_card INTERFACE MYNUMBER_HAS_PCSC=1)
  list(APPEND _mn_card_headers include/mynumber/card/pcsc.hpp)
  set(MYNUMBER_CARD_HAS_PCSC ON)
else()
  set(MYNUMBER_CARD_HAS_PCSC OFF)
endif()
target_sources(mynumber_card INTERFACE FILE_SET HEADERS BASE_DIRS include FILES ${_mn_card_headers})
mynumber_verify_headers(mynumber_card)
list(APPEND MYNUMBER_EXPORTED_TARGETS mynumber_card)
list(APPEND MYNUMBER_FOUND_COMPONENTS card)
