# Module options, their dependency checks and the configure summary.
#
# Each optional module <m> has a cache entry MYNUMBER_WITH_<M> (upper case) that takes
#   AUTO  (the default) build the module when its dependencies are found, skip it otherwise;
#   ON    build the module; the configure stops, naming the package to install, when a dependency
#         is missing;
#   OFF   do not build the module, and do not look for its dependencies.
# A parent project may set MYNUMBER_WITH_<M> as a normal variable before add_subdirectory().
#
# A module file (cmake/module_<m>.cmake) uses them in three steps:
#   mynumber_module_option(<m> "<what it is>")   # sets MYNUMBER_WANT_<M>: ON unless it is OFF
#   if(MYNUMBER_WANT_<M>)
#     find_package(<dependency> QUIET)           # look only when wanted
#   endif()
#   mynumber_module_decide(<m> [NEEDS <found-variable> "<dependency>" <debian-package>]...
#                              [DETAIL "<note for the summary>"])
#   if(MYNUMBER_HAS_<M>)                         # ON when the module is built
#     ...define mynumber_<m>...
#   endif()
# mynumber_module_summary() prints one line per module: built, or skipped and why.

function(mynumber_module_option name description)
  string(TOUPPER "${name}" upper)
  set(MYNUMBER_WITH_${upper} AUTO CACHE STRING
    "${description}: AUTO (build it when its dependencies are found), ON or OFF")
  set_property(CACHE MYNUMBER_WITH_${upper} PROPERTY STRINGS AUTO ON OFF)
  set(value "${MYNUMBER_WITH_${upper}}")
  string(TOUPPER "${value}" value_upper)
  if(value_upper STREQUAL "AUTO" OR value STREQUAL "")
    set(mode AUTO)
  elseif(value)
    set(mode ON)
  else()
    set(mode OFF)
  endif()
  set(_MYNUMBER_MODE_${upper} ${mode} PARENT_SCOPE)
  if(mode STREQUAL "OFF")
    set(MYNUMBER_WANT_${upper} OFF PARENT_SCOPE)
  else()
    set(MYNUMBER_WANT_${upper} ON PARENT_SCOPE)
  endif()
endfunction()

function(mynumber_module_decide name)
  cmake_parse_arguments(PARSE_ARGV 1 ARG "" "DETAIL;SKIP_REASON" "")
  string(TOUPPER "${name}" upper)
  set(mode "${_MYNUMBER_MODE_${upper}}")
  if(mode STREQUAL "")
    message(FATAL_ERROR "mynumber_module_decide(${name}) before mynumber_module_option(${name})")
  endif()
  # NEEDS <found-variable> <what> <package> triples, read by hand: cmake_parse_arguments would
  # keep only the last NEEDS.
  set(needs ${ARG_UNPARSED_ARGUMENTS})
  set(missing "")
  set(packages "")
  while(needs)
    list(LENGTH needs n)
    list(GET needs 0 keyword)
    if(NOT keyword STREQUAL "NEEDS" OR n LESS 4)
      message(FATAL_ERROR "mynumber_module_decide(${name}): expected NEEDS <found-variable> <what> <package>")
    endif()
    list(GET needs 1 found_var)
    list(GET needs 2 what)
    list(GET needs 3 package)
    list(REMOVE_AT needs 0 1 2 3)
    if(NOT ${found_var})
      list(APPEND missing "${what}")
      list(APPEND packages "${package}")
    endif()
  endwhile()

  if(mode STREQUAL "OFF")
    set(has OFF)
    set(status "skipped: MYNUMBER_WITH_${upper}=OFF")
  elseif(ARG_SKIP_REASON)
    # A reason that is not a missing package (for example, a module it extends was not built).
    if(mode STREQUAL "ON")
      message(FATAL_ERROR "mynumber: MYNUMBER_WITH_${upper}=ON, but ${ARG_SKIP_REASON}.")
    endif()
    set(has OFF)
    set(status "skipped: ${ARG_SKIP_REASON}")
  elseif(missing)
    list(JOIN missing ", " missing_text)
    list(LENGTH missing n_missing)
    set(verb "was")
    if(n_missing GREATER 1)
      set(verb "were")
    endif()
    list(REMOVE_DUPLICATES packages)
    list(JOIN packages " " packages_text)
    if(mode STREQUAL "ON")
      message(FATAL_ERROR
        "mynumber: MYNUMBER_WITH_${upper}=ON, but ${missing_text} ${verb} not found.\n"
        "Install it (Debian/Ubuntu: sudo apt-get install ${packages_text}) and configure again, "
        "or configure with -DMYNUMBER_WITH_${upper}=OFF (or AUTO) to build without it.")
    endif()
    set(has OFF)
    set(status "skipped: ${missing_text} not found (Debian/Ubuntu package: ${packages_text})")
  else()
    set(has ON)
    set(status "built")
    if(ARG_DETAIL)
      string(APPEND status " (${ARG_DETAIL})")
    endif()
  endif()
  set(MYNUMBER_HAS_${upper} ${has} PARENT_SCOPE)
  set_property(GLOBAL APPEND PROPERTY MYNUMBER_MODULE_SUMMARY "${name}" "${status}")
endfunction()

# Prints "mynumber <version>: modules" and then one line per module.
function(mynumber_module_summary)
  get_property(summary GLOBAL PROPERTY MYNUMBER_MODULE_SUMMARY)
  message(STATUS "mynumber ${PROJECT_VERSION} modules (MYNUMBER_WITH_<MODULE>=AUTO|ON|OFF):")
  while(summary)
    list(GET summary 0 name)
    list(GET summary 1 status)
    list(REMOVE_AT summary 0 1)
    string(LENGTH "${name}" length)
    math(EXPR pad "8 - ${length}")
    string(REPEAT " " ${pad} spaces)
    message(STATUS "  ${name}${spaces}${status}")
  endwhile()
endfunction()
