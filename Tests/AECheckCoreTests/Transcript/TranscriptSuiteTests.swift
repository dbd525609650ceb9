import Foundation
import Testing

@testable import AECheckCore
@testable import AECheckLanguage

/// Replays every transcript in `Tests/Transcripts/`, one test case per file, and checks that
/// the suite covers the rules of the knowledge.
struct TranscriptSuiteTests {
    /// `Tests/Transcripts/`, found from this file's path.
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Transcripts")

    /// Every transcript, as a path relative to `Tests/Transcripts/`.
    static let files: [String] = ReplayCommand.transcriptFiles(at: folder.path).map {
        String($0.dropFirst(folder.path.count + 1))
    }

    static let knowledge: KnowledgeBase? = KnowledgeLoader.loadEmbedded().knowledge

    static func replay(_ name: String) throws -> TranscriptRunner.Verdict {
        let knowledge = try #require(knowledge)
        let data = try #require(FileManager.default.contents(atPath: folder.appendingPathComponent(name).path))
        return TranscriptRunner(knowledge: knowledge).replay(data: data, file: "Tests/Transcripts/" + name)
    }

    @Test func theSuiteIsThere() {
        #expect(Self.files.count >= 75, "found \(Self.files.count) transcripts in \(Self.folder.path)")
    }

    @Test(arguments: files)
    func transcriptReplays(_ name: String) throws {
        let verdict = try Self.replay(name)
        #expect(verdict.problems.isEmpty, "\(verdict.problems.joined(separator: "\n"))")
        #expect(
            verdict.diff == nil,
            "the screen differs (- transcript, + this run); re-record with aecheck replay --update:\n\(verdict.diff ?? "")"
        )
    }

    // MARK: - Rule coverage

    /// Rules that no transcript fires yet, each with the reason. The lead shrinks this list.
    static let notYetFired: [String: String] = [:]

    /// Rules with no near miss in any transcript yet, each with the reason.
    static let notYetNearMissed: [String: String] = [:]

    struct Coverage {
        var fired: [String: [String]] = [:]
        var nearMissed: [String: [String]] = [:]
    }

    /// The `# covers:` and `# near-miss:` tags of every transcript (replay checks each tag
    /// against the output; see `transcriptReplays`).
    static func coverage() throws -> Coverage {
        var coverage = Coverage()
        for name in files {
            let data = try #require(FileManager.default.contents(atPath: folder.appendingPathComponent(name).path))
            guard case .success(let transcript) = Transcript.parse(data, file: name) else { continue }
            for tag in transcript.covers { coverage.fired[tag.id, default: []].append(name) }
            for tag in transcript.nearMisses { coverage.nearMissed[tag.id, default: []].append(name) }
        }
        return coverage
    }

    @Test func everyRuleFiresSomewhere() throws {
        let knowledge = try #require(Self.knowledge)
        let coverage = try Self.coverage()
        let rules = knowledge.rules.map(\.id)
        let fired = rules.filter { coverage.fired[$0] != nil }
        let nearMissed = rules.filter { coverage.nearMissed[$0] != nil }
        print(
            "transcripts: \(Self.files.count); rules fired \(fired.count)/\(rules.count), near-missed \(nearMissed.count)/\(rules.count)"
        )
        for rule in rules where coverage.fired[rule] == nil {
            #expect(Self.notYetFired[rule] != nil, "no transcript covers rule '\(rule)'")
        }
        for rule in rules where coverage.nearMissed[rule] == nil {
            #expect(Self.notYetNearMissed[rule] != nil, "no transcript near-misses rule '\(rule)'")
        }
        for rule in Self.notYetFired.keys {
            #expect(coverage.fired[rule] == nil, "rule '\(rule)' is covered now; remove it from notYetFired")
        }
        for rule in Self.notYetNearMissed.keys {
            #expect(
                coverage.nearMissed[rule] == nil, "rule '\(rule)' has a near miss now; remove it from notYetNearMissed")
        }
    }

    @Test func firedRulesAreReadFromWhyLinesAndJSON() {
        let screen = """
            - Hives. (rule reaction-within-2h; found: hives; source: x)
            - I ask this because (rule emergency-airway)
            {"reasons":[{"rule":"fever","level":"soon"}]}
            """
        #expect(TranscriptRunner.firedRules(in: screen) == ["reaction-within-2h", "fever"])
    }
}
