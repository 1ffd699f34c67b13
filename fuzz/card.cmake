# Card module fuzz targets (included by fuzz/CMakeLists.txt when mynumber_card exists).
mynumber_add_fuzzer(card_tlv LIBRARIES mynumber::card)
