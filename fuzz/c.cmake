# C ABI fuzz target: differential against the C++ core. Links the static C library so the fuzzer
# instruments it too.
mynumber_add_fuzzer(c_api LIBRARIES mynumber::core mynumber::c_static)
