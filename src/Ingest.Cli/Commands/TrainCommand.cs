using System.CommandLine;
using Ingest.Recognition.Learning;

namespace Ingest.Cli.Commands;

/// <summary><c>ingest train</c>: trains the table-type classifier from the labelled examples in the repository.</summary>
internal static class TrainCommand
{
    public static Command Create(CommandContext ctx)
    {
        var corpus = new Option<string>("--corpus") { Description = "Folder of synthetic *.truth.json files", DefaultValueFactory = _ => "corpus" };
        var real = new Option<string>("--real") { Description = "Hand-checked examples from real documents (TSV)", DefaultValueFactory = _ => "data/training/table-types-real.tsv" };
        var output = new Option<string>("--out") { Description = "Where the model and its report go", DefaultValueFactory = _ => "models" };
        var command = new Command("train", "Train the table-type classifier (writes models/table-type.zip and its report)") { corpus, real, output };
        command.SetAction(parse =>
        {
            var corpusDir = parse.GetRequiredValue(corpus);
            var realTsv = parse.GetRequiredValue(real);
            if (!Directory.Exists(corpusDir) || !File.Exists(realTsv))
            {
                throw new UsageException($"training data not found ('{corpusDir}', '{realTsv}')");
            }

            TableTypeTrainer.Train(corpusDir, realTsv, parse.GetRequiredValue(output), ctx.Stderr);
            return ExitCodes.Ok;
        });
        return command;
    }
}
