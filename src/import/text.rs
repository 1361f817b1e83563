//! A table's bytes as text: UTF-8 (with or without BOM) or CP949 / EUC-KR, decoded with encoding_rs, saying which.
