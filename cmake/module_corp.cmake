# mynumber::corp — NTA corporate-number data: bulk-file reader, Web-API formats, SQLite store.
# Header-only; needs SQLite 3 (the store) and zlib (reading the NTA .zip files directly).
mynumber_module_option(corp "NTA corporate-number data: bulk files, Web-API, store (SQLite 3, zlib)")
if(MYNUMBER_WANT_CORP)
  find_package(SQLite3 QUIET)
  find_package(ZLIB QUIET)
endif()
mynumber_module_decide(corp
  NEEDS SQLite3_FOUND "SQLite 3" libsqlite3-dev
  NEEDS ZLIB_FOUND "zlib" zlib1g-dev
  DETAIL "SQLite ${SQLite3_VERSION}, zlib ${ZLIB_VERSION_STRING}")
if(MYNUMBER_HAS_CORP)
  add_library(mynumber_corp INTERFACE)
  add_library(mynumber::corp ALIAS mynumber_corp)
  set_target_properties(mynumber_corp PROPERTIES EXPORT_NAME corp)
  target_link_libraries(mynumber_corp INTERFACE mynumber_core SQLite::SQLite3 ZLIB::ZLIB)
  file(GLOB_RECURSE _mn_corp_headers CONFIGURE_DEPENDS
    RELATIVE "${PROJECT_SOURCE_DIR}" "${PROJECT_SOURCE_DIR}/include/mynumber/corp/*.hpp")
  target_sources(mynumber_corp INTERFACE FILE_SET HEADERS BASE_DIRS include
    FILES include/mynumber/corp.hpp ${_mn_corp_headers})
  mynumber_verify_headers(mynumber_corp)
  list(APPEND MYNUMBER_EXPORTED_TARGETS mynumber_corp)
  list(APPEND MYNUMBER_FOUND_COMPONENTS corp)
endif()

# Synthetic NTA bulk-file generator (tools/gen_nta_bulk.cpp) and the corporate-data benchmark
# (benchmarks/bench_corp.cpp). Not built by default: benchmarks/bench_corp.sh builds them.
if(TARGET mynumber_corp AND PROJECT_IS_TOP_LEVEL)
  add_executable(gen_nta_bulk EXCLUDE_FROM_ALL tools/gen_nta_bulk.cpp)
  target_link_libraries(gen_nta_bulk PRIVATE mynumber::corp)
  if(EXISTS "${PROJECT_SOURCE_DIR}/benchmarks/bench_corp.cpp")
    add_executable(bench_corp EXCLUDE_FROM_ALL benchmarks/bench_corp.cpp)
    target_link_libraries(bench_corp PRIVATE mynumber::corp)
    target_include_directories(bench_corp PRIVATE "${PROJECT_SOURCE_DIR}/tools")
  endif()
endif()
