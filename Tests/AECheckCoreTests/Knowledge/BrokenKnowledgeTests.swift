import Foundation
import Testing

@testable import AECheckCore
@testable import AECheckLanguage

/// The broken-knowledge fixtures: `Fixtures/broken/CASE/knowledge/*.txt` (a copy of
/// `Fixtures/broken/base.txt` plus the one defect) and `Fixtures/broken/CASE/expected.txt`.
///
/// `expected.txt` is exactly what `aecheck validate knowledge` prints when run inside the
/// case folder: one `Diagnostic.description` per line, with paths relative to the case
/// folder (`knowledge/defect.txt:5:1: error: ... [syntax]`), then the count line.
/// The knowledge sits in its own subfolder because the loader reads every `*.txt` file
/// of a folder, and `expected.txt` must not be read as knowledge.
enum BrokenFixtures {
    /// `Tests/AECheckCoreTests/Fixtures/broken`, found from this source file.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures/broken", isDirectory: true)

    /// The shared minimal valid pack every case starts from.
    static let base = root.appendingPathComponent("base.txt")

    /// The case folders, sorted by name.
    static let cases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.filter { name in
            var isDirectory: ObjCBool = false
            let path = root.appendingPathComponent(name).path
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        }.sorted()
    }()

    /// The folder of one case.
    static func folder(_ name: String) -> URL { root.appendingPathComponent(name, isDirectory: true) }

    /// Diagnostics every case must produce, as `file:line:column id` (paths inside `knowledge/`),
    /// so a case asserts the kind and the place of its defect, not only the wording.
    static let required: [String: [String]] = [
        "bad-condition": ["defect.txt:4:56 bad-condition"],
        "bad-duration": ["defect.txt:4:25 bad-condition", "defect.txt:9:10 bad-example"],
        "bad-level": ["defect.txt:3:7 bad-value", "defect.txt:9:8 unknown-reference"],
        "deep-nesting": ["defect.txt:4:263 bad-condition"],
        "duplicate-id": ["defect.txt:2:1 duplicate-id"],
        "lexicon-sets": [
            "defect.txt:6:1 unused-word-set", "defect.txt:10:10 unknown-reference", "defect.txt:11:10 bad-combination",
            "defect.txt:13:6 unreachable-phrase",
        ],
        "empty-file": ["empty.txt:1:1 empty-file", "only-comments.txt:1:1 empty-file"],
        "example-not-firing": ["defect.txt:9:10 example-not-firing", "defect.txt:10:10 bad-example"],
        "flow-step-condition": ["defect.txt:4:40 bad-condition", "defect.txt:5:22 unknown-reference"],
        "flow-cycle": ["defect.txt:9:7 flow-cycle"],
        "invalid-utf8": ["defect.txt:3:1 invalid-utf8"],
        "long-line": ["defect.txt:5:1 line-too-long"],
        "missing-citation": ["defect.txt:2:1 missing-citation", "defect.txt:5:9 missing-citation"],
        "missing-field": ["defect.txt:2:1 missing-field"],
        "near-miss-firing": ["defect.txt:10:12 near-miss-firing"],
        "never-fires": ["defect.txt:4:7 rule-never-fires"],
        "never-fires-unasked": ["defect.txt:7:1 rule-never-fires", "defect.txt:2:1 unasked-finding"],
        "syntax": ["defect.txt:5:1 syntax", "defect.txt:8:1 syntax"],
        "unasked-finding": ["defect.txt:2:1 unasked-finding"],
        "unknown-field": ["defect.txt:5:1 unknown-field"],
        "unknown-kind": ["defect.txt:2:1 unknown-kind"],
        "unknown-reference": ["defect.txt:6:10 unknown-reference"],
        "unknown-source": ["defect.txt:5:7 unknown-reference", "defect.txt:6:11 unknown-reference"],
        "unreachable-question": ["defect.txt:2:1 unreachable-question"],
    ]

    /// Words some cases' messages must contain (the suggestions, mostly).
    static let mentions: [String: [String]] = [
        "unknown-reference": ["did you mean 'hives'?"],
        "unknown-source": ["did you mean 'src'?", "did you mean 'sec'?"],
        "unknown-field": ["did you mean 'group'?"],
        "bad-level": ["did you mean 'urgent'?"],
        "never-fires": ["rule 'many-signs'", "at least 3 of 2"],
        "flow-cycle": ["first -> second -> first"],
    ]

    /// The lines `aecheck validate knowledge` prints for a load result, run in the case folder.
    static func validateLines(_ result: LoadResult) -> [String] {
        let lines = result.diagnostics.map { diagnostic in
            var located = diagnostic
            if !located.file.hasPrefix("(") { located.file = "knowledge/" + located.file }
            return located.description
        }
        let errors = result.errors.count
        let warnings = result.warnings.count
        let count = "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
        return lines + [count]
    }

    /// A readable line-by-line difference between expected and actual lines.
    static func difference(expected: [String], actual: [String]) -> String {
        var report: [String] = []
        for index in 0..<max(expected.count, actual.count) {
            let want = index < expected.count ? expected[index] : "(no line)"
            let got = index < actual.count ? actual[index] : "(no line)"
            if want != got { report.append("line \(index + 1):\n  expected: \(want)\n  actual:   \(got)") }
        }
        return report.joined(separator: "\n")
    }

    /// The shared base pack as a knowledge file, for in-memory loads.
    static func baseFile() throws -> KnowledgeFile {
        KnowledgeFile(name: "base.txt", data: try Data(contentsOf: base))
    }
}

@Suite("Broken knowledge")
struct BrokenKnowledgeTests {
    @Test("the base pack alone is valid")
    func baseIsValid() throws {
        let result = KnowledgeLoader.load(files: [try BrokenFixtures.baseFile()])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        #expect(result.knowledge != nil)
    }

    @Test("every case folder has a table entry, and every entry a folder")
    func tableMatchesFolders() {
        #expect(!BrokenFixtures.cases.isEmpty, "no case folders under \(BrokenFixtures.root.path)")
        #expect(Set(BrokenFixtures.cases) == Set(BrokenFixtures.required.keys))
    }

    @Test("golden diagnostics", arguments: BrokenFixtures.cases)
    func golden(name: String) throws {
        let folder = BrokenFixtures.folder(name)
        let knowledge = folder.appendingPathComponent("knowledge", isDirectory: true)
        let copy = try Data(contentsOf: knowledge.appendingPathComponent("base.txt"))
        #expect(copy == (try Data(contentsOf: BrokenFixtures.base)), "\(name)/knowledge/base.txt differs from base.txt")

        let result = KnowledgeLoader.load(directory: knowledge)
        let actual = BrokenFixtures.validateLines(result)
        let expectedURL = folder.appendingPathComponent("expected.txt")

        if ProcessInfo.processInfo.environment["AECHECK_RECORD"] == "1" {
            try Data((actual.joined(separator: "\n") + "\n").utf8).write(to: expectedURL)
            Issue.record("re-recorded \(name)/expected.txt, review the diff")
            return
        }
        let text = try String(contentsOf: expectedURL, encoding: .utf8)
        let expected = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let trimmed = expected.last == "" ? Array(expected.dropLast()) : expected
        let difference = BrokenFixtures.difference(expected: trimmed, actual: actual)
        #expect(actual == trimmed, "\(name): diagnostics differ (AECHECK_RECORD=1 re-records)\n\(difference)")

        // The kind and place of each defect, independent of the wording.
        let located = Set(result.diagnostics.map { "\($0.file):\($0.line):\($0.column) \($0.id)" })
        for required in BrokenFixtures.required[name] ?? [] {
            #expect(located.contains(required), "\(name): no diagnostic \(required); got \(located.sorted())")
        }
        for fragment in BrokenFixtures.mentions[name] ?? [] {
            #expect(
                result.diagnostics.contains { $0.message.contains(fragment) }, "\(name): no message says \(fragment)")
        }
        #expect(!result.diagnostics.isEmpty, "\(name): the defect went unnoticed")
        #expect(!result.diagnostics.contains { $0.file == "base.txt" }, "\(name): a diagnostic lands in base.txt")
        #expect((result.knowledge == nil) == !result.errors.isEmpty)
    }

    /// Files in a knowledge folder that cannot be read: each is an error naming the file,
    /// never an empty file that would silently drop its rules.
    enum Unreadable: String, CaseIterable, Sendable {
        case danglingLink, folder, fifo, deviceLink

        func make(at path: String) throws {
            let manager = FileManager.default
            switch self {
            case .danglingLink: try manager.createSymbolicLink(atPath: path, withDestinationPath: path + ".gone")
            case .folder: try manager.createDirectory(atPath: path, withIntermediateDirectories: false)
            case .fifo: _ = mkfifo(path, 0o600)
            case .deviceLink: try manager.createSymbolicLink(atPath: path, withDestinationPath: "/dev/zero")
            }
        }

        var says: String {
            switch self {
            case .danglingLink: "No such file"
            case .folder: "a folder"
            case .fifo: "a FIFO"
            case .deviceLink: "a device"
            }
        }
    }

    @Test(
        "a knowledge file that cannot be read is an error with its path, not an empty file",
        arguments: Unreadable.allCases)
    func unreadableFile(_ probe: Unreadable) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("aecheck-kb-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: BrokenFixtures.base, to: folder.appendingPathComponent("base.txt"))
        try probe.make(at: folder.appendingPathComponent("rules-x.txt").path)
        let result = KnowledgeLoader.load(directory: folder)
        let found = result.diagnostics.filter { $0.file == "rules-x.txt" }
        #expect(found.map(\.id) == ["unreadable-file"], "\(probe): \(result.diagnostics)")
        #expect(found.first?.message.contains(probe.says) == true, "\(probe): \(found)")
        #expect(result.knowledge == nil, "\(probe): the knowledge loaded without the file")
    }

    @Test("a 10 MB single-line file is refused with a diagnostic")
    func tenMegabyteLine() throws {
        var data = Data("note: ".utf8)
        data.append(Data(repeating: UInt8(ascii: "a"), count: 10 << 20))
        let result = KnowledgeLoader.load(files: [
            try BrokenFixtures.baseFile(), KnowledgeFile(name: "big.txt", data: data),
        ])
        let big = result.diagnostics.filter { $0.file == "big.txt" }
        #expect(big.map(\.id) == ["file-too-large"], "\(big)")
        #expect(big.first?.line == 1)
        #expect(result.knowledge == nil)
    }

    @Test("a 2 MB line inside an otherwise good file is reported by number")
    func twoMegabyteLine() throws {
        var data = Data("finding: itching\npatient: itchy skin\nnurse: pruritus\nnote: ".utf8)
        data.append(Data(repeating: UInt8(ascii: "a"), count: 2 << 20))
        data.append(Data("\ncite: src sec\n\nphrase: itching\nsay: itchy\n".utf8))
        let result = KnowledgeLoader.load(files: [
            try BrokenFixtures.baseFile(), KnowledgeFile(name: "long.txt", data: data),
        ])
        let long = result.diagnostics.map { "\($0.file):\($0.line) \($0.id)" }
        #expect(long == ["long.txt:4 line-too-long"])
        #expect(result.diagnostics.first?.message.contains("\((2 << 20) + 6) bytes") == true)
    }

    @Test("random bytes give an invalid-UTF-8 diagnostic", arguments: [1, 2, 3, 42] as [UInt64])
    func randomBytes(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        let bytes = (0..<65_536).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let result = KnowledgeLoader.load(files: [
            try BrokenFixtures.baseFile(), KnowledgeFile(name: "noise.txt", data: Data(bytes)),
        ])
        let noise = result.diagnostics.filter { $0.file == "noise.txt" }
        #expect(noise.map(\.id) == ["invalid-utf8"], "\(noise)")
        #expect(result.knowledge == nil)
    }

    @Test("random record-like text never crashes the loader")
    func randomText() throws {
        let base = try BrokenFixtures.baseFile()
        let pieces = [
            "source: ", "finding: ", "rule: ", "question: ", "flow: ", "level: ", "phrase: ", "advice: ", "fact: ",
            "section: ", "section: |", "cite: ", "cite: src", "when: ", "step: ", "step: flow ", "option: |", "sets: ",
            "type: ", "rank: ", "example: ", "near-miss: ", "actions: ,", "value: ", "+ ", "# ", ":", "|", "(", ")",
            "any(", "at least ", "onset within ", "hives", "rash", "src", "sec", "check", "2h", "-3h", "?", ";", ",",
            " ", " ", "\n", "\n", "\n\n", "\r\n", "\t", "é", "x",
        ]
        for seed in 0..<300 as Range<UInt64> {
            var generator = SeededGenerator(seed: seed)
            let text = (0..<Int.random(in: 1...120, using: &generator))
                .map { _ in pieces.randomElement(using: &generator)! }
                .joined()
            let result = KnowledgeLoader.load(files: [base, KnowledgeFile(name: "fuzz.txt", data: Data(text.utf8))])
            // Whatever was found, it is located in a file the pack holds, never in thin air.
            for diagnostic in result.diagnostics {
                #expect(
                    ["base.txt", "fuzz.txt", "(knowledge)"].contains(diagnostic.file), "seed \(seed): \(diagnostic)")
            }
        }
    }
}
