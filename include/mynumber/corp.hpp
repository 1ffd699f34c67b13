// File: corp.hpp — umbrella header of the corporate-number data module (mynumber::corp): the NTA
// bulk-file reader, the Web-API v4 formats and request builder, name keys and the SQLite store.
#ifndef MYNUMBER_CORP_HPP
#define MYNUMBER_CORP_HPP

#include "corp/encoding.hpp"
#include "corp/json.hpp"
#include "corp/name_key.hpp"
#include "corp/reader.hpp"
#include "corp/record.hpp"
#include "corp/source.hpp"
#include "corp/store.hpp"
#include "corp/webapi.hpp"
#include "corp/zip.hpp"

#endif  // MYNUMBER_CORP_HPP
