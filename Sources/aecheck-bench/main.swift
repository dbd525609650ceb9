import AECheckCore
import Dispatch
import Foundation

// aecheck-bench: in-process benchmarks, run by Scripts/bench (built in release mode).
//
//   aecheck-bench answer-latency [--runs N] [--show] [--live-clock]
//                                            time from an answer to the next prompt
//   aecheck-bench assess [--runs N]           evidence documents assessed per second
//   aecheck-bench matcher [--runs N]          free-text matcher cost per 1,000 characters
//
// Each prints one line of medians. Only Dispatch's monotonic clock is used. Inputs are made
// from the embedded knowledge at run time (a fixed seed), so no medical word is written here.

/// The benchmark clock: nanoseconds from Dispatch's monotonic clock.
enum Clock {
    static func nanoseconds() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    /// Runs `body` and returns how long it took, in seconds.
    static func time(_ body: () -> Void) -> Double {
        let start = nanoseconds()
        body()
        return Double(nanoseconds() - start) / 1e9
    }
}

/// A small deterministic generator (SplitMix64), so every run benchmarks the same inputs.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

/// Median of a non-empty list.
func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return .nan }
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

func format(_ value: Double, _ digits: Int = 3) -> String { String(format: "%.\(digits)f", value) }

/// The shared setup: the embedded knowledge, a fixed clock and zone.
struct Setup {
    let knowledge: KnowledgeBase
    let interview: Interview
    /// 2026-11-21T14:00:00Z, the clock of the pipe tests.
    let now = Date(timeIntervalSince1970: 1_795_269_600)
    let timeZone = TimeZone(identifier: "Europe/London") ?? TimeZone.current

    init?() {
        guard let knowledge = KnowledgeLoader.loadEmbedded().knowledge else { return nil }
        self.knowledge = knowledge
        self.interview = Interview(knowledge: knowledge)
    }

    /// Every phrase of the knowledge, in a stable order.
    var phrases: [String] { knowledge.phrases.keys.sorted().flatMap { knowledge.phrases[$0] ?? [] } }

    /// A new session; with `fresh`, on a new interview (nothing remembered from other runs);
    /// with `live`, on the real clock (as in a terminal without `--now`), else the fixed one.
    func session(fresh: Bool = false, live: Bool = false) -> Session {
        let fixed = now
        let clock: @Sendable () -> Date
        if live { clock = { Date() } } else { clock = { fixed } }
        return Session(
            interview: fresh ? Interview(knowledge: knowledge) : interview,
            renderer: Renderer(knowledge: knowledge, audience: .patient, colour: false),
            timeZone: timeZone, clock: clock)
    }
}

// MARK: - Per-answer latency

/// A long scripted session: at each prompt the first candidate answer that keeps the
/// interview going; at free-text and pick-list prompts the candidate whose greedy
/// continuation is longest.
func longScript(_ setup: Setup) -> [String] {
    var session = setup.session()
    _ = session.start()
    return greedyScript(from: session, setup: setup, lookahead: true)
}

/// Answers from `session` on, greedily, until the outcome (at most 200 answers).
func greedyScript(from start: Session, setup: Setup, lookahead: Bool) -> [String] {
    var session = start
    var script: [String] = []
    while case .question(let prompt) = session.step(), script.count < 200 {
        let candidates = candidateAnswers(prompt, setup: setup)
        var chosen = candidates[candidates.count - 1]
        var next: Session?
        var longest = -1
        for candidate in candidates {
            var trial = session
            _ = trial.handle(candidate)
            guard !trial.finished else { continue }
            if case .question(let again) = trial.step(), again.key == prompt.key { continue }  // refused
            guard lookahead, [.text, .pickFindings].contains(prompt.kind) else {
                (next, chosen) = (trial, candidate)
                break
            }
            let length = greedyScript(from: trial, setup: setup, lookahead: false).count
            if length > longest { (next, chosen, longest) = (trial, candidate, length) }
        }
        if let next {
            session = next
        } else {
            _ = session.handle(chosen)
        }
        script.append(chosen)
        if showScript && lookahead { FileHandle.standardError.write(Data("\(prompt.key) <- \(chosen)\n".utf8)) }
        if session.finished { break }
    }
    return script
}

/// Answers worth trying at a prompt, most revealing first.
func candidateAnswers(_ prompt: Prompt, setup: Setup) -> [String] {
    let count = prompt.options.count
    switch prompt.kind {
    case .pickFindings:
        let singles = (1...max(count, 1)).map(String.init)
        return (count >= 2 ? ["1,2"] : []) + singles.reversed() + ["none"]
    case .yesNo: return ["yes", "not sure", "no"]
    case .choice: return (1...max(count, 1)).map(String.init) + ["not sure"]
    case .number: return ["3", "1", "not sure"]
    case .time: return ["2 hours ago", "yesterday", "not sure"]
    case .text:
        let phrases = setup.phrases
        let step = max(phrases.count / 24, 1)
        let picked = stride(from: 0, to: phrases.count, by: step).map { phrases[$0] }
        let triples = stride(from: 0, to: picked.count - 2, by: 3).map {
            picked[$0..<$0 + 3].joined(separator: " and ")
        }
        return triples.map { "I have " + $0 + " since yesterday" } + ["nothing else"]
    case .confirm:
        // Once per free-text answer, add a few more words before confirming.
        let phrases = setup.phrases
        let extra = phrases.isEmpty ? [] : ["and also " + phrases[phrases.count / 2]]
        return (prompt.key.hasSuffix("/confirm") ? extra : []) + ["yes"]
    }
}

func answerLatency(_ setup: Setup, runs: Int) {
    let script = longScript(setup)
    var perAnswer: [[Double]] = Array(repeating: [], count: script.count)
    var firstPrompt: [Double] = []
    for _ in 0..<runs {
        var session = setup.session(fresh: true, live: liveClock)
        firstPrompt.append(Clock.time { _ = session.start() })
        for (index, line) in script.enumerated() {
            perAnswer[index].append(Clock.time { _ = session.handle(line) })
        }
    }
    let medians = perAnswer.map(median)
    if showScript {
        for (line, value) in zip(script, medians) {
            FileHandle.standardError.write(Data("\(format(value * 1000)) ms  \(line)\n".utf8))
        }
    }
    let overall = median(medians)
    let worst = medians.max() ?? .nan
    print(
        "answer-latency\(liveClock ? " (live clock)" : ""): median \(format(overall * 1000)) ms per answer over \(script.count) answers "
            + "(slowest answer \(format(worst * 1000)) ms; first prompt in-process \(format(median(firstPrompt) * 1000)) ms); "
            + "ratio to the 1 ms target \(format(overall * 1000, 2))x")
}

// MARK: - Assess throughput

/// Evidence documents (JSON) with random findings, statuses, onsets and an infusion start.
func evidenceDocuments(_ setup: Setup, count: Int) -> [Data] {
    var generator = SeededGenerator(state: 2026)
    let ids = setup.knowledge.findings.keys.sorted()
    let iso = ISO8601DateFormatter()
    let statuses = ["present", "absent", "unknown"]
    return (0..<count).map { _ in
        var findings: [[String: Any]] = []
        for id in ids.shuffled(using: &generator).prefix(Int.random(in: 0...8, using: &generator)) {
            var entry: [String: Any] = ["id": id, "status": statuses.randomElement(using: &generator) ?? "present"]
            if Bool.random(using: &generator) {
                entry["onset"] = iso.string(from: setup.now - Double.random(in: 60...30 * 86_400, using: &generator))
            }
            findings.append(entry)
        }
        var object: [String: Any] = ["now": iso.string(from: setup.now), "findings": findings]
        if Bool.random(using: &generator) {
            object["context"] = ["infusionStart": iso.string(from: setup.now - 3600)]
        }
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
    }
}

func assessThroughput(_ setup: Setup, runs: Int) {
    let documents = evidenceDocuments(setup, count: 200)
    let triage = Triage(knowledge: setup.knowledge)
    let evidence = documents.compactMap { try? EvidenceDocument.parse($0, interview: setup.interview).get() }
    var assessOnly: [Double] = []
    var parseAndAssess: [Double] = []
    var levels = 0
    for _ in 0..<runs {
        assessOnly.append(Clock.time { for item in evidence { levels &+= triage.assess(item).level.count } })
        parseAndAssess.append(
            Clock.time {
                for document in documents {
                    if case .success(let item) = EvidenceDocument.parse(document, interview: setup.interview) {
                        levels &+= triage.assess(item).level.count
                    }
                }
            })
    }
    let perAssessment = median(assessOnly) / Double(max(evidence.count, 1))
    let perDocument = median(parseAndAssess) / Double(max(documents.count, 1))
    print(
        "assess: \(format(1 / perDocument, 0)) documents/s parsed and assessed (\(format(perDocument * 1e6, 1)) us each); "
            + "assessment alone \(format(perAssessment * 1e6, 1)) us (\(format(1 / perAssessment, 0))/s) "
            + "over \(evidence.count) documents; ratio to the 1 ms target \(format(perAssessment * 1000, 3))x"
            + (levels == 0 ? "" : ""))
}

// MARK: - Matcher cost

/// Text of about `length` characters: knowledge phrases in short everyday sentences.
func freeText(_ setup: Setup, length: Int) -> String {
    let phrases = setup.phrases
    let openers = ["I have ", "since yesterday I noticed ", "my partner says I have ", "no ", "maybe some "]
    let closers = [" since this morning. ", " and it is getting worse. ", ". ", " after lunch. "]
    var generator = SeededGenerator(state: 7)
    var text = ""
    while text.utf8.count < length {  // ASCII filler, and utf8.count does not walk the text
        let phrase = phrases.randomElement(using: &generator) ?? "it"
        text +=
            (openers.randomElement(using: &generator) ?? "") + phrase
            + (closers.randomElement(using: &generator) ?? ". ")
    }
    return String(text.prefix(length))
}

func matcherCost(_ setup: Setup, runs: Int) {
    var parts: [String] = []
    var perThousand: [Double] = []
    for length in [1_000, 10_000, 100_000] {
        let text = freeText(setup, length: length)
        let repeats = length >= 100_000 ? max(runs / 4, 3) : runs
        var times: [Double] = []
        var found = 0
        for _ in 0..<repeats {
            times.append(
                Clock.time {
                    found = setup.interview.understand(text, now: setup.now, timeZone: setup.timeZone).count
                })
        }
        let cost = median(times) / Double(max(text.count, 1)) * 1000
        perThousand.append(cost)
        parts.append("\(length / 1000)k chars \(format(cost * 1000, 3)) ms/1k (\(found) matches)")
    }
    let growth = (perThousand.last ?? 0) / max(perThousand.first ?? 1, 1e-12)
    print(
        "matcher: " + parts.joined(separator: ", ")
            + "; cost per 1k at 100k over 1k \(format(growth, 2))x (1.00x is linear)")
}

// MARK: - Knowledge loading

/// The knowledge folder's files read once, then loaded (parsed, built, checked as at start-up)
/// `runs` times: the median time of one load, the part of start-up that is aecheck's own.
func knowledgeLoad(runs: Int) {
    let folder = URL(fileURLWithPath: "Knowledge")
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter {
        $0.hasSuffix(".txt")
    }
    let files = names.compactMap { name in
        (try? Data(contentsOf: folder.appendingPathComponent(name))).map { KnowledgeFile(name: name, data: $0) }
    }
    var times: [Double] = []
    var loaded = true
    for _ in 0..<max(runs, 1) {
        times.append(
            Clock.time {
                loaded = KnowledgeLoader.load(files: files, checkingExamples: false).knowledge != nil && loaded
            })
    }
    guard loaded, !files.isEmpty else {
        FileHandle.standardError.write(Data("aecheck-bench: run from the package folder (Knowledge/ must load)\n".utf8))
        exit(1)
    }
    print(
        "load: \(files.count) knowledge files loaded in \(format(median(times) * 1000)) ms (median of \(times.count))")
}

// MARK: - Main

let arguments = Array(CommandLine.arguments.dropFirst())
/// `--show`: print the long script's prompts and answers to standard error.
let showScript = arguments.contains("--show")
/// `--live-clock`: play the script on the real clock, so nothing is remembered across answers.
let liveClock = arguments.contains("--live-clock")
var runs = 21
if let index = arguments.firstIndex(of: "--runs"), index + 1 < arguments.count, let value = Int(arguments[index + 1]),
    value > 0
{
    runs = value
}
guard let setup = Setup() else {
    FileHandle.standardError.write(Data("aecheck-bench: the embedded knowledge does not load\n".utf8))
    exit(1)
}
switch arguments.first ?? "" {
case "answer-latency": answerLatency(setup, runs: runs)
case "assess": assessThroughput(setup, runs: runs)
case "matcher": matcherCost(setup, runs: runs)
case "load": knowledgeLoad(runs: runs)
default:
    FileHandle.standardError.write(Data("usage: aecheck-bench answer-latency|assess|matcher|load [--runs N]\n".utf8))
    exit(2)
}
