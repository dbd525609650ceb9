import Foundation
import PackagePlugin

/// Embeds the English word list (`Words/english-words.txt` in the target that uses this
/// plugin) into that target as one string literal.
///
/// The list is sorted when it is made (`Scripts/make-english-words`), so the reader
/// binary-searches the literal in place: nothing is parsed or copied at start-up.
@main
struct WordListEmbedPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let list = context.package.directoryURL.appending(path: "Sources/\(target.name)/Words/english-words.txt")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedEnglishWords.swift")
        return [
            .buildCommand(
                displayName: "Embedding the English word list",
                executable: try context.tool(named: "knowledge-embed").url,
                arguments: ["--words", output.path, list.path],
                inputFiles: [list],
                outputFiles: [output]
            )
        ]
    }
}
