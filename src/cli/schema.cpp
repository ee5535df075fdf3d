// `borderline schema`: the JSON Schema of the manifest format, for editors and CI.
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "load/manifest_schema.hpp"

namespace borderline {

void registerSchema(CLI::App& app, CommandRunner& run) {
  auto output = std::make_shared<std::string>();
  CLI::App* cmd =
      app.add_subcommand("schema", "Print the JSON Schema (draft 2020-12) of the manifest format");
  cmd->add_option("-o,--output", *output, "Write the schema to this file (atomically)");
  cmd->callback([output, &run] {
    run = [output] {
      emit(*output, manifestSchema().dump(2) + "\n");
      return kExitOk;
    };
  });
}

} // namespace borderline
