# Fuzz targets of the jpki module (included by fuzz/CMakeLists.txt when mynumber_jpki exists).
mynumber_add_fuzzer(jpki_cert LIBRARIES mynumber::jpki)
