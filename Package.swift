// swift-tools-version: 6.0
import PackageDescription

// aecheck: a natalizumab adverse-event symptom checker.
// The toolchain only: no package dependencies, by design (every line can be audited).
let package = Package(
    name: "aecheck",
    products: [
        .executable(name: "aecheck", targets: ["aecheck"]),
        .library(name: "AECheckCore", targets: ["AECheckCore"]),
        .library(name: "AECheckLanguage", targets: ["AECheckLanguage"]),
    ],
    targets: [
        // The readers of what people type: words (lemmas, concepts, spelling, context) and
        // times. They know nothing of findings' meaning, rules or triage: every word list
        // comes from the caller.
        .target(
            name: "AECheckLanguage",
            exclude: ["Words"],
            plugins: ["WordListEmbedPlugin"]
        ),
        // The engine: knowledge, evidence, triage, interview, record, transcript.
        .target(
            name: "AECheckCore",
            dependencies: ["AECheckLanguage"],
            plugins: ["KnowledgeEmbedPlugin"]
        ),
        // The thin command-line front end.
        .executableTarget(
            name: "aecheck",
            dependencies: ["AECheckCore"]
        ),
        // In-process benchmarks for Scripts/bench (answer latency, assess throughput, matcher cost).
        .executableTarget(
            name: "aecheck-bench",
            dependencies: ["AECheckCore"]
        ),
        // Build-time embedding of Knowledge/*.txt into the library, so the binary
        // carries its default knowledge wherever it is copied.
        .executableTarget(
            name: "knowledge-embed",
            path: "Sources/knowledge-embed"
        ),
        .plugin(
            name: "KnowledgeEmbedPlugin",
            capability: .buildTool(),
            dependencies: ["knowledge-embed"],
            path: "Sources/KnowledgeEmbedPlugin"
        ),
        // Build-time embedding of the English word list (the readers' real-word guard).
        .plugin(
            name: "WordListEmbedPlugin",
            capability: .buildTool(),
            dependencies: ["knowledge-embed"],
            path: "Sources/WordListEmbedPlugin"
        ),
        .testTarget(
            name: "AECheckCoreTests",
            dependencies: ["AECheckCore", "AECheckLanguage"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
