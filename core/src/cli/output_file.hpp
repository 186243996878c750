// cli/output_file.hpp — a file senrei writes for the user, whole or not at all.
//
// Every file senrei writes at a person's request (`compare -o`, `export -o`, `plugin new`) goes
// through OutputFile: the bytes go to a temporary file beside the target (same folder, so the
// rename cannot cross file systems), which is flushed, fsync'ed and renamed over the target
// only by commit(); the folder is fsync'ed after the rename.  A failure at any step (disk
// full, a kill, an exception before commit()) leaves the previous target as it was and removes
// the temporary file (a kill -9 can leave one, named TARGET.tmp-PID, never the target half
// written).  Errors are OutputError with one line naming the file and what to do.  Not
// thread-safe; one OutputFile per target.
#pragma once

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string_view>

namespace senrei::cli {

class OutputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class OutputFile {
 public:
  // Creates the temporary file; throws OutputError when the folder is missing or not writable.
  explicit OutputFile(std::filesystem::path target);
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  ~OutputFile();  // removes the temporary file unless committed

  // The stream to write to (the temporary file).
  std::ostream& stream() { return out_; }
  // For a library that writes a file by name itself (libxlsxwriter): write here, then commit().
  const std::filesystem::path& temp_path() const { return temp_; }
  // Flushes, fsyncs and renames the temporary file over the target.  Throws OutputError.
  void commit();

 private:
  std::filesystem::path target_;
  std::filesystem::path temp_;
  std::ofstream out_;
  bool committed_ = false;
};

// The whole of `bytes` to `target` through an OutputFile.
void write_output_file(const std::filesystem::path& target, std::string_view bytes);

}  // namespace senrei::cli
