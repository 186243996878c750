// record/record_json.hpp — Record ⇄ JSON, the one serialization used by the index's document
// data, `show`, `export --format jsonl` and `search --json`.  The schema is docs/json.md
// (schema version kRecordSchemaVersion); absent optional members are omitted, never null.
#pragma once

#include <nlohmann/json.hpp>

#include "senrei/record.hpp"

namespace senrei {

inline constexpr int kRecordSchemaVersion = 1;

nlohmann::json to_json(const Field& field);
nlohmann::json to_json(const Record& record);
// Throws std::runtime_error naming the member when the JSON is not a Record.
Field field_from_json(const nlohmann::json& j);
Record record_from_json(const nlohmann::json& j);

}  // namespace senrei
