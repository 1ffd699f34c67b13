# The module options on a machine without the optional dependencies, simulated by hiding
# OpenSSL, SQLite, zlib, pkg-config and {fmt} from find_package (CMAKE_DISABLE_FIND_PACKAGE_*).
# Run by ctest as `cmake -DSOURCE_DIR=... -DWORK_DIR=... -DGENERATOR=... -DC_COMPILER=...
# -DCXX_COMPILER=... -P module_options.cmake`. Checks:
#   1. AUTO skips each module whose dependency is missing and says why (naming the package);
#      OFF skips a module; modules without dependencies are built; the summary lists them all;
#   2. the install holds the headers and export files of the built modules only
#      (WORK_DIR/no-deps/prefix is then used by the core-only consumer test);
#   3. an explicit MYNUMBER_WITH_<MODULE>=ON with a missing dependency stops the configure and
#      names the package to install.
cmake_policy(VERSION 3.23)
foreach(_var IN ITEMS SOURCE_DIR WORK_DIR GENERATOR C_COMPILER CXX_COMPILER)
  if(NOT DEFINED ${_var})
    message(FATAL_ERROR "module_options.cmake: ${_var} is not set")
  endif()
endforeach()

set(_hidden -DCMAKE_DISABLE_FIND_PACKAGE_OpenSSL=ON -DCMAKE_DISABLE_FIND_PACKAGE_SQLite3=ON
  -DCMAKE_DISABLE_FIND_PACKAGE_ZLIB=ON -DCMAKE_DISABLE_FIND_PACKAGE_PkgConfig=ON -DCMAKE_DISABLE_FIND_PACKAGE_fmt=ON)
set(_common -G "${GENERATOR}" "-DCMAKE_C_COMPILER=${C_COMPILER}" "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}"
  -DMYNUMBER_BUILD_TESTS=OFF -DMYNUMBER_BUILD_EXAMPLES=OFF -DMYNUMBER_BUILD_FUZZERS=OFF
  -DMYNUMBER_BUILD_C=OFF -DMYNUMBER_BUILD_BENCHMARKS=OFF -DMYNUMBER_INSTALL=ON)

function(expect_match text regex what)
  if(NOT text MATCHES "${regex}")
    message(FATAL_ERROR "${what}: no match for '${regex}' in:\n${text}")
  endif()
endfunction()

# --- 1. AUTO and OFF without the dependencies ---------------------------------------------------
set(_dir "${WORK_DIR}/no-deps")
file(REMOVE_RECURSE "${_dir}")
execute_process(
  COMMAND "${CMAKE_COMMAND}" -S "${SOURCE_DIR}" -B "${_dir}/build" ${_common} ${_hidden} -DMYNUMBER_WITH_CARD=OFF
  RESULT_VARIABLE _rc OUTPUT_VARIABLE _out ERROR_VARIABLE _err)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "configure without the dependencies failed (${_rc}):\n${_out}\n${_err}")
endif()
expect_match("${_out}" "core +built" "summary")
expect_match("${_out}" "law +built" "summary")
expect_match("${_out}" "fmt +skipped: {fmt} 9 not found \\(Debian/Ubuntu package: libfmt-dev\\)" "summary")
expect_match("${_out}" "secure +skipped: OpenSSL 3 \\(libcrypto\\) not found \\(Debian/Ubuntu package: libssl-dev\\)" "summary")
expect_match("${_out}" "jpki +skipped: OpenSSL 3 \\(libcrypto\\) not found \\(Debian/Ubuntu package: libssl-dev\\)" "summary")
expect_match("${_out}" "card +skipped: MYNUMBER_WITH_CARD=OFF" "summary")
expect_match("${_out}" "pcsc +skipped: the card module is not built" "summary")
expect_match("${_out}" "corp +skipped: SQLite 3, zlib not found \\(Debian/Ubuntu package: libsqlite3-dev zlib1g-dev\\)" "summary")

# --- 2. only the built modules are installed ----------------------------------------------------
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${_dir}/build" --prefix "${_dir}/prefix"
  RESULT_VARIABLE _rc OUTPUT_VARIABLE _out ERROR_VARIABLE _err)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "install failed (${_rc}):\n${_out}\n${_err}")
endif()
file(GLOB_RECURSE _installed RELATIVE "${_dir}/prefix" "${_dir}/prefix/*")
foreach(_file IN ITEMS include/mynumber/mynumber.hpp include/mynumber/detail/json.hpp include/mynumber/law.hpp
                      include/mynumber/law/rules.hpp)
  if(NOT _file IN_LIST _installed)
    message(FATAL_ERROR "${_file} was not installed; installed:\n${_installed}")
  endif()
endforeach()
foreach(_file IN LISTS _installed)
  if(_file MATCHES "include/mynumber/(fmt|secure|jpki|card|corp)(\\.hpp|/)|detail/openssl\\.hpp|mynumber-(fmt|secure|jpki|card|corp)-targets")
    message(FATAL_ERROR "${_file} belongs to a module that was not built, but it was installed")
  endif()
endforeach()
list(FILTER _installed INCLUDE REGEX "mynumber-core-targets\\.cmake$")
if(NOT _installed)
  message(FATAL_ERROR "mynumber-core-targets.cmake was not installed")
endif()

# --- 3. an explicit ON with a missing dependency fails, naming the package ------------------------
execute_process(
  COMMAND "${CMAKE_COMMAND}" -S "${SOURCE_DIR}" -B "${WORK_DIR}/corp-on" ${_common} ${_hidden} -DMYNUMBER_WITH_CORP=ON
  RESULT_VARIABLE _rc OUTPUT_VARIABLE _out ERROR_VARIABLE _err)
file(REMOVE_RECURSE "${WORK_DIR}/corp-on")
if(_rc EQUAL 0)
  message(FATAL_ERROR "MYNUMBER_WITH_CORP=ON without SQLite and zlib configured:\n${_out}")
endif()
expect_match("${_err}" "MYNUMBER_WITH_CORP=ON, but SQLite 3, zlib were not found" "error")
expect_match("${_err}" "apt-get install libsqlite3-dev zlib1g-dev" "error")
message(STATUS "module options: AUTO skips with the reason, OFF skips, ON fails naming the package; "
               "the install holds the built modules only")
