#pragma once
// Placeholder until the i18n stream's catalog lands; same signature.
namespace senrei { inline const char* tr(const char* msgid) { return msgid; } }
