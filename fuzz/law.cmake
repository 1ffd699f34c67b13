# Fuzz targets of the law module (included from fuzz/CMakeLists.txt when mynumber_law exists).
mynumber_add_fuzzer(law_json LIBRARIES mynumber::law)
