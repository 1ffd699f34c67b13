# Shared CMake helpers.

# Compile each public header of an INTERFACE target on its own (target
# all_verify_interface_header_sets, which the presets build).
function(mynumber_verify_headers target)
  set_target_properties(${target} PROPERTIES VERIFY_INTERFACE_HEADER_SETS ON)
endfunction()

# A doctest executable from the given sources, linked with the shared doctest main (compiled once
# in tests/CMakeLists.txt as mynumber_doctest_main), registered with ctest.
#   mynumber_add_test(NAME <name> SOURCES <files...> LIBRARIES <targets...>)
function(mynumber_add_test)
  cmake_parse_arguments(ARG "" "NAME" "SOURCES;LIBRARIES" ${ARGN})
  add_executable(${ARG_NAME} ${ARG_SOURCES})
  target_link_libraries(${ARG_NAME} PRIVATE ${ARG_LIBRARIES} mynumber_doctest_main doctest::doctest)
  target_compile_definitions(${ARG_NAME} PRIVATE
    MYNUMBER_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    MYNUMBER_DATA_DIR="${PROJECT_SOURCE_DIR}/data"
    MYNUMBER_TEST_WORK_DIR="${CMAKE_CURRENT_BINARY_DIR}/${ARG_NAME}.work")
  add_test(NAME ${ARG_NAME} COMMAND ${ARG_NAME})
endfunction()
