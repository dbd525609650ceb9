import Foundation
import Testing

@testable import AECheckCore
@testable import AECheckLanguage

/// The real knowledge pack in `Knowledge/` and the seed documents it is written from.
private enum RealKnowledge {
    /// This test folder: `Tests/AECheckCoreTests/Knowledge`.
    private static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    /// `Knowledge/` at the package root.
    static let folder = here.appendingPathComponent("../../../Knowledge", isDirectory: true).standardized

    /// `/work/shared/seeds`, beside the package.
    static let seeds = here.appendingPathComponent("../../../../shared/seeds", isDirectory: true).standardized

    /// True when the seed checks run: the seeds are beside the package, or `.ci/run` requires
    /// them (`AECHECK_REQUIRE_SHARED=1`, so a missing folder fails there). On a clone with
    /// nothing beside it they are skipped, with a message.
    static let checkSeeds =
        FileManager.default.fileExists(atPath: seeds.path)
        || ProcessInfo.processInfo.environment["AECHECK_REQUIRE_SHARED"] == "1"

    /// The `*.txt` files of a folder, sorted by name, as the loader reads them.
    static func files(in folder: URL) throws -> [KnowledgeFile] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".txt") }
            .sorted()
            .map { KnowledgeFile(name: $0, data: try Data(contentsOf: folder.appendingPathComponent($0))) }
    }

    /// Every raw record of the pack, whatever its validity (continuation lines already joined).
    static func records() throws -> [RawRecord] {
        var sink = DiagnosticSink()
        return try files(in: folder).flatMap { RecordParser.parse(data: $0.data, file: $0.name, into: &sink) }
    }

    /// The loaded pack.
    static func load() -> LoadResult { KnowledgeLoader.load(directory: folder) }
}

/// One piece of wording with where it was written.
private struct LocatedText: CustomStringConvertible {
    /// `file:line kind id field`.
    var place: String
    /// The wording.
    var text: String

    var description: String { "\(place): \(text)" }
}

/// The Flesch-Kincaid grade level of English text, with a heuristic syllable counter.
private enum Readability {
    /// Tokens with at least one letter or digit; a number counts as a one-syllable word.
    static func words(_ text: String) -> [String] {
        text.split { !($0.isLetter || $0.isNumber || $0 == "'" || $0 == "’" || $0 == "-") }
            .map(String.init)
            .filter { $0.contains { $0.isLetter || $0.isNumber } }
    }

    /// Sentences end with `.`, `!` or `?` (a run counts once); a text without one is one sentence.
    static func sentences(_ text: String) -> Int {
        var count = 0
        var previousEnds = false
        for character in text {
            let ends = ".!?".contains(character)
            if ends && !previousEnds { count += 1 }
            previousEnds = ends
        }
        // A final fragment without punctuation is a sentence too.
        let tail = text.reversed().drop { $0 == " " }.first
        if let tail, !".!?".contains(tail) { count += 1 }
        return max(1, count)
    }

    /// Syllables of one word: vowel groups, minus a silent final `e` and silent `-es`/`-ed`.
    static func syllables(_ word: String) -> Int {
        let letters = Array(word.lowercased().filter { $0.isLetter })
        // The drug's name is a proper noun the patient must read; nobody can reword it,
        // so it counts as one syllable rather than pushing every text that names it up a grade.
        if String(letters) == "natalizumab" { return 1 }
        if letters.isEmpty { return 1 }
        if letters.count <= 3 { return 1 }
        let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y"]
        var count = 0
        var previousVowel = false
        for letter in letters {
            let vowel = vowels.contains(letter)
            if vowel && !previousVowel { count += 1 }
            previousVowel = vowel
        }
        let text = String(letters)
        let beforeLast = letters[letters.count - 2]
        if text.hasSuffix("e"), !text.hasSuffix("le") || vowels.contains(letters[letters.count - 3]),
            !vowels.contains(beforeLast)
        {
            count -= 1
        } else if text.hasSuffix("ed"), !"td".contains(letters[letters.count - 3]),
            !vowels.contains(letters[letters.count - 3])
        {
            count -= 1
        } else if text.hasSuffix("es"), !"sxzgc".contains(letters[letters.count - 3]),
            !text.hasSuffix("shes"), !vowels.contains(letters[letters.count - 3])
        {
            count -= 1
        }
        return max(1, count)
    }

    /// The Flesch-Kincaid grade: 0.39 words per sentence + 11.8 syllables per word - 15.59.
    static func grade(_ text: String) -> Double {
        let tokens = words(text)
        guard !tokens.isEmpty else { return 0 }
        let syllableCount = tokens.reduce(0) { $0 + syllables($1) }
        let wordsPerSentence = Double(tokens.count) / Double(sentences(text))
        let syllablesPerWord = Double(syllableCount) / Double(tokens.count)
        return 0.39 * wordsPerSentence + 11.8 * syllablesPerWord - 15.59
    }
}

/// Runs of consecutive words shared with a reference text.
private enum Overlap {
    /// Lowercased words with punctuation stripped (`don't` becomes `dont`).
    static func words(_ text: String) -> [String] {
        text.lowercased()
            .filter { $0 != "'" && $0 != "’" }
            .split { !($0.isLetter || $0.isNumber) }
            .map(String.init)
    }

    /// Every run of `length` consecutive words, joined by spaces.
    static func runs(_ words: [String], length: Int) -> [String] {
        guard words.count >= length else { return [] }
        return (0...(words.count - length)).map { words[$0..<($0 + length)].joined(separator: " ") }
    }
}

@Suite("Real knowledge")
struct RealKnowledgeTests {
    /// The shortest word run that counts as copied.
    static let copyRun = 8
    /// The highest Flesch-Kincaid grade allowed for patient wording.
    static let maxGrade = 8.0

    @Test("the pack loads with no errors and no warnings")
    func loadsCleanly() {
        let result = RealKnowledge.load()
        let listing = result.diagnostics.map(\.description).joined(separator: "\n")
        #expect(
            result.diagnostics.count == 0,
            "\(result.errors.count) errors, \(result.warnings.count) warnings:\n\(listing)")
        #expect(result.knowledge != nil)
    }

    @Test("the embedded knowledge is the folder's knowledge")
    func embeddedMatchesFolder() throws {
        let folder = try RealKnowledge.files(in: RealKnowledge.folder)
        let embedded = KnowledgeLoader.embeddedFiles
        #expect(embedded.map(\.name).sorted() == folder.map(\.name), "the embedded files are not the folder's files")
        let embeddedData = Dictionary(embedded.map { ($0.name, $0.data) }, uniquingKeysWith: { a, _ in a })
        let stale = folder.filter { embeddedData[$0.name] != $0.data }.map(\.name)
        #expect(stale.count == 0, "embedded copies differ from the folder (rebuild?): \(stale)")

        let fromFolder = KnowledgeLoader.load(files: folder).knowledge?.hash
        let fromBinary = KnowledgeLoader.loadEmbedded().knowledge?.hash
        try #require(fromFolder != nil && fromBinary != nil, "the knowledge has errors, so it has no hash")
        #expect(fromFolder == fromBinary)
    }

    @Test("every rule has at least one example and one near miss")
    func rulesHaveExamples() throws {
        let rules = try RealKnowledge.records().filter { $0.kind == "rule" }
        #expect(!rules.isEmpty, "no rule records in \(RealKnowledge.folder.path)")
        let missing = rules.filter { $0.all("example").isEmpty || $0.all("near-miss").isEmpty }.map {
            "\($0.location.file):\($0.location.line) \($0.id): \($0.all("example").count) examples, "
                + "\($0.all("near-miss").count) near misses"
        }
        #expect(missing.count == 0, "\(missing.joined(separator: "\n"))")
    }

    @Test("every section of a seed source is cited")
    func seedSectionsCited() throws {
        let knowledge = try #require(RealKnowledge.load().knowledge, "the knowledge does not load")
        let seeds = knowledge.sources.values.filter { $0.file?.hasPrefix("seeds/") == true }
        #expect(!seeds.isEmpty, "no source has 'file: seeds/...'")
        let uncited = seeds.sorted { $0.id < $1.id }.flatMap { source in
            source.sections.filter { (knowledge.citedBy["\(source.id) \($0.id)"] ?? []).isEmpty }
                .map { "\(source.id) \($0.id)" }
        }
        #expect(uncited.count == 0, "sections no record cites: \(uncited)")
    }

    /// Patient-facing wording: finding names, questions, option labels, reasons, advice,
    /// FAQ, level and action wording, and texts.
    private static func patientTexts() throws -> [LocatedText] {
        var texts: [LocatedText] = []
        for record in try RealKnowledge.records() {
            func add(_ field: RawField, _ text: String? = nil) {
                let place = "\(field.location.file):\(field.location.line) \(record.kind) \(record.id) \(field.name)"
                texts.append(LocatedText(place: place, text: text ?? field.value))
            }
            let fields: [String] =
                switch record.kind {
                case "finding", "level", "action", "text": ["patient"]
                case "question": ["ask"]
                case "rule": ["reason"]
                case "advice": ["now", "watch", "selfcare"]
                case "faq": ["q", "a"]
                default: []
                }
            for field in record.fields where fields.contains(field.name) {
                guard record.kind == "advice" else {
                    add(field)
                    continue
                }
                // An advice line as the page shows it: without its key and tags, and a region's
                // number (a name, such as 999) in place of its placeholder.
                var text = AdviceLine(parsing: field.value).text
                for placeholder in ["{emergency}", "{urgent}", "{crisis}"] {
                    text = text.replacingOccurrences(of: placeholder, with: "999")
                }
                add(field, text)
            }
            if record.kind == "question" {
                for field in record.all("option") {
                    let parts = field.value.components(separatedBy: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                    add(field, parts.count > 1 ? parts[1] : parts[0])
                }
            }
        }
        return texts
    }

    @Test("patient wording reads at grade 8 or below")
    func readability() throws {
        let texts = try Self.patientTexts()
        #expect(texts.count > 50, "only \(texts.count) patient texts found")
        let graded = texts.filter { Readability.words($0.text).count >= 3 }
            .map { (text: $0, grade: Readability.grade($0.text)) }
        let hard = graded.filter { $0.grade > Self.maxGrade }.sorted { $0.grade > $1.grade }
        let report = hard.prefix(25).map { String(format: "%5.1f  ", $0.grade) + $0.text.description }
        // Counts, not arrays, in expectations: the listing below is the readable report.
        #expect(
            hard.count == 0,
            "\(hard.count) of \(graded.count) patient texts read above grade \(Self.maxGrade); the worst:\n\(report.joined(separator: "\n"))"
        )
    }

    @Test("the readability heuristics count as expected")
    func readabilityHeuristics() {
        #expect(Readability.syllables("cat") == 1)
        #expect(Readability.syllables("infusion") == 3)
        #expect(Readability.syllables("headache") == 2)
        #expect(Readability.syllables("nurse") == 1)
        #expect(Readability.syllables("table") == 2)
        #expect(Readability.syllables("emergency") == 4)
        #expect(Readability.syllables("started") == 2)
        #expect(Readability.syllables("called") == 1)
        #expect(Readability.sentences("Stop. Call now! Why?") == 3)
        #expect(Readability.sentences("hives (raised bumps)") == 1)
        #expect(Readability.grade("The cat sat on the mat.") < 2)
        #expect(Readability.grade("Progressive multifocal leukoencephalopathy necessitates immediate evaluation.") > 12)
    }

    /// Every wording of the pack outside `source` records (their headings name the seeds).
    private static func allTexts() throws -> [LocatedText] {
        try RealKnowledge.records().filter { $0.kind != "source" }.flatMap { record in
            record.fields.map {
                LocatedText(
                    place: "\($0.location.file):\($0.location.line) \(record.kind) \(record.id) \($0.name)",
                    text: $0.value)
            }
        }
    }

    @Test(
        "no text copies 8 or more consecutive words from a seed",
        .enabled(
            if: RealKnowledge.checkSeeds,
            "skipped: ../shared/seeds is not beside this clone (set AECHECK_REQUIRE_SHARED=1 to require it)"))
    func noCopiedRuns() throws {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: RealKnowledge.seeds.path) else {
            Issue.record("the seed folder \(RealKnowledge.seeds.path) does not exist; cannot check for copied text")
            return
        }
        let seedFiles = names.filter { $0.hasSuffix(".txt") }.sorted()
        try #require(!seedFiles.isEmpty, "no seed *.txt files in \(RealKnowledge.seeds.path)")
        var seedRuns: [String: String] = [:]
        for name in seedFiles {
            let text = try String(contentsOf: RealKnowledge.seeds.appendingPathComponent(name), encoding: .utf8)
            for run in Overlap.runs(Overlap.words(text), length: Self.copyRun) { seedRuns[run] = name }
        }
        var copies: [String] = []
        for text in try Self.allTexts() {
            if let run = Overlap.runs(Overlap.words(text.text), length: Self.copyRun).first(where: {
                seedRuns[$0] != nil
            }) {
                copies.append("\(text.place): \"\(run)\" (from \(seedRuns[run]!))")
            }
        }
        #expect(copies.count == 0, "\(copies.count) texts copy a seed:\n\(copies.joined(separator: "\n"))")
    }

    @Test("the copy check finds a copied run")
    func copyCheckWorks() {
        let seed = Overlap.words(
            "Once a reaction occurs, the infusion should be stopped immediately and treatment started.")
        let runs = Set(Overlap.runs(seed, length: Self.copyRun))
        let copied = Overlap.runs(
            Overlap.words("Note: THE infusion should be stopped, immediately and treatment"), length: 8)
        #expect(copied.contains { runs.contains($0) })
        let reworded = Overlap.runs(
            Overlap.words("The nurse stops the infusion straight away and starts treatment."), length: 8)
        #expect(!reworded.contains { runs.contains($0) })
    }
}
