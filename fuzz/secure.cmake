# Fuzz targets of the secure module (included by fuzz/CMakeLists.txt when mynumber_secure exists).
mynumber_add_fuzzer(secure_sealed LIBRARIES mynumber::secure)
