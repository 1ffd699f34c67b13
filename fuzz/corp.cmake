# Fuzz targets of the corporate-data module (included by fuzz/CMakeLists.txt when mynumber_corp exists).
mynumber_add_fuzzer(corp_csv LIBRARIES mynumber::corp)
mynumber_add_fuzzer(corp_xml LIBRARIES mynumber::corp)
