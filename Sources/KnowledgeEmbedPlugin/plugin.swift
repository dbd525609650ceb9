import Foundation
import PackagePlugin

/// Embeds the package's `Knowledge/*.txt` files into the target that uses this plugin.
///
/// The plugin runs `knowledge-embed`, which writes one Swift file holding each knowledge
/// file's name and bytes. The default knowledge therefore travels inside the binary, and
/// the build reruns the tool whenever a knowledge file changes.
@main
struct KnowledgeEmbedPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let knowledge = context.package.directoryURL.appending(path: "Knowledge")
        let names = try FileManager.default.contentsOfDirectory(atPath: knowledge.path)
            .filter { $0.hasSuffix(".txt") }
            .sorted()
        let inputs = names.map { knowledge.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedKnowledge.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) knowledge files",
                executable: try context.tool(named: "knowledge-embed").url,
                arguments: [output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
