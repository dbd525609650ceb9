import AECheckLanguage
import Foundation

/// One conversation: the answer log, the clock, and what to say next.
///
/// The interactive front end and transcript replay both drive a session line by line, so
/// they share one code path. Commands work at every prompt: help, back, why, summary,
/// restart, quit.
public struct Session: Sendable {
    public let interview: Interview
    public let renderer: Renderer
    public private(set) var log: [LoggedAnswer] = []
    /// Gives the current time (a fixed clock for replay).
    public let clock: @Sendable () -> Date
    public let timeZone: TimeZone
    /// True once the outcome was shown or the person quit.
    public private(set) var finished = false
    /// True when it ended before its outcome: the person quit, or the input ended.
    public private(set) var stoppedEarly = false
    /// The outcome on the screen, once shown (also the safest one at quit or end of input).
    public private(set) var shownOutcome: Outcome?
    /// True while the result is on the screen and one more line may ask for its sources.
    public private(set) var awaitingClosing = false
    /// What is on the screen: the step last shown and the evidence behind it. An answer is
    /// read against the prompt the person saw (and on a live clock, where every instant is
    /// new, no second replay is needed to find it again).
    private var shown: (step: InterviewStep, evidence: Evidence)?
    /// How many answers at the start of the log were given in advance (`--reporter`):
    /// `back` and `restart` keep them.
    private var answeredInAdvance = 0

    /// The renderer for what is on the screen now: once a carer has said so (the `reporter`
    /// answer), patient wording speaks of "the person you look after".
    var view: Renderer {
        guard renderer.audience == .patient, log.contains(where: { $0.key == "reporter" && $0.answer == "carer" })
        else { return renderer }
        return Renderer(
            knowledge: renderer.knowledge, audience: .carer, colour: renderer.colour, region: renderer.region)
    }

    public init(interview: Interview, renderer: Renderer, timeZone: TimeZone, clock: @escaping @Sendable () -> Date) {
        self.interview = interview
        self.renderer = renderer
        self.timeZone = timeZone
        self.clock = clock
    }

    /// Continues from a saved answer log (`--resume`): the log is replayed, nothing is asked again.
    public mutating func resume(with saved: [LoggedAnswer]) -> String {
        log = saved
        return present(at: clock())
    }

    /// The current step: the one on the screen, once one was shown.
    public func step() -> InterviewStep {
        shown?.step ?? interview.next(log: log, now: clock(), timeZone: timeZone)
    }

    /// The opening text and the first prompt (or the outcome); `answered` are answers given
    /// in advance (`--reporter`), logged as if typed.
    public mutating func start(answered: [LoggedAnswer] = []) -> String {
        log = answered
        answeredInAdvance = answered.count
        let welcome = interview.knowledge.text("welcome", for: renderer.audience)
        return (welcome.isEmpty ? "" : welcome + "\n\n") + present(at: clock())
    }

    /// Handles one typed line and returns what to print.
    public mutating func handle(_ line: String) -> String {
        if awaitingClosing {
            awaitingClosing = false
            let command = line.trimmingCharacters(in: .whitespaces, ascii: { $0 == 0x20 || $0 == 0x09 }).lowercased()
            guard ["sources", "source", "why"].contains(command), let outcome = shownOutcome else { return "" }
            return "\n" + view.sources(outcome)
        }
        guard !finished else { return "" }
        // The step on the screen and its evidence, read at this instant.
        let now = clock()
        var (current, evidence) = shown ?? interview.step(log: log, now: now, timeZone: timeZone)
        evidence.now = now
        guard case .question(let prompt) = current else {
            finished = true
            return show(current)
        }
        let command = line.trimmingCharacters(in: .whitespaces, ascii: { $0 == 0x20 || $0 == 0x09 }).lowercased()
        switch command {
        case "help", "h":
            let help = prompt.help.map { $0 + "\n" } ?? ""
            return help + Self.commandHelp + "\n" + view.render(prompt)
        case "back", "b":
            guard log.count > answeredInAdvance else {
                return "This is the first question.\n" + view.render(prompt)
            }
            let removed = log.removeLast()
            // Words typed after an answer go back with it: the answer is asked again.
            if removed.key.hasSuffix(Self.wordsSuffix), log.count > answeredInAdvance,
                log.last?.key == String(removed.key.dropLast(Self.wordsSuffix.count))
            {
                log.removeLast()
            }
            return present(at: now)
        case "restart":
            log.removeSubrange(answeredInAdvance...)
            return "Starting again.\n\n" + present(at: now)
        case "why":
            return why(prompt) + "\n" + view.render(prompt)
        case "summary":
            return view.summary(evidence, outcome: interview.triage.assess(evidence)) + "\n"
                + view.render(prompt)
        case "quit", "exit", "q":
            return endEarly()
        default:
            let reader = AnswerReader(knowledge: interview.knowledge, interview: interview)
            switch reader.read(line, for: prompt, evidence: evidence) {
            case .failure(let reason):
                // The reason may quote what was typed: nothing in it may act on the terminal.
                return "Sorry, \(reason.reason.visibleControls).\n" + view.render(prompt)
            case .success(let typed):
                log.append(LoggedAnswer(key: prompt.key, answer: typed.answer))
                // Words after the answer are read next, as the person's own words.
                if let words = typed.words {
                    log.append(LoggedAnswer(key: prompt.key + Self.wordsSuffix, answer: String(words.prefix(4000))))
                }
                return present(at: now)
            }
        }
    }

    /// At end of input or quit: the safest result reached so far, and the safety net.
    public mutating func endEarly() -> String {
        finished = true
        stoppedEarly = true
        let now = clock()
        let assumed = assumedLog()
        let outcome = earlyOutcome(log: assumed, now: now)
        shownOutcome = outcome
        awaitingClosing = false
        let evidence = interview.evidence(log: assumed, now: now, timeZone: timeZone)
        return "\nThe check ended before all questions were answered. This is the safest advice so far.\n"
            + view.render(outcome, evidence: evidence) + handover(outcome, log: assumed, now: now)
    }

    /// The log with the unanswered question counted as "not sure": a missing answer takes
    /// the safer branch.
    func assumedLog() -> [LoggedAnswer] {
        var assumed = log
        if case .question(let prompt) = step(), let answer = Self.assumedAnswer(prompt.kind) {
            assumed.append(LoggedAnswer(key: prompt.key, answer: answer))
        }
        // Stopped before the warning-sign screen was answered (at "who is checking"): its
        // signs are not known, so they are taken as "not sure" too, never as absent.
        for case .screen(let id) in interview.flow.steps where !assumed.contains(where: { $0.key == id }) {
            assumed.append(LoggedAnswer(key: id, answer: "unsure"))
        }
        return assumed
    }

    /// The answer taken for a question left unanswered: the safer branch.
    private static func assumedAnswer(_ kind: Prompt.Kind) -> String? {
        switch kind {
        case .pickFindings, .yesNo, .choice, .number: "unsure"
        case .time: "unknown"
        // What was understood from the person's words counts, rather than nothing at all.
        case .confirm: "yes"
        case .text: nil
        }
    }

    /// The outcome of a session that stopped early. A checklist that stopped early never
    /// proceeds: it holds for every rule that an unreached question (taken as "not sure")
    /// leaves open, and says that it was not finished.
    private func earlyOutcome(log assumed: [LoggedAnswer], now: Date) -> Outcome {
        var outcome = interview.outcomeSoFar(log: assumed, now: now, timeZone: timeZone)
        guard let decision = outcome.decision else { return outcome }
        var completed = assumed
        var current = interview.next(log: completed, now: now, timeZone: timeZone)
        // A checklist has a few dozen questions; the bound only guards a flow that never ends.
        for _ in 0..<1_000 {
            guard case .question(let prompt) = current, let answer = Self.assumedAnswer(prompt.kind) else { break }
            completed.append(LoggedAnswer(key: prompt.key, answer: answer))
            current = interview.next(log: completed, now: now, timeZone: timeZone)
        }
        let full = interview.outcomeSoFar(log: completed, now: now, timeZone: timeZone).decision ?? decision
        outcome.decision = Decision.unfinished(full)
        return outcome
    }

    /// The safest outcome reached so far, as given at end of input.
    public func safestOutcome() -> Outcome {
        earlyOutcome(log: assumedLog(), now: clock())
    }

    /// The chart handover, for the nurse wording only.
    private func handover(_ outcome: Outcome, log: [LoggedAnswer], now: Date) -> String {
        guard renderer.audience == .nurse else { return "" }
        let evidence = interview.evidence(log: log, now: now, timeZone: timeZone)
        return renderer.handover(evidence, outcome: outcome, title: interview.flow.title)
    }

    /// Works out the next step at `now`, keeps it as the one on the screen, and shows it.
    private mutating func present(at now: Date) -> String {
        let step = interview.next(log: log, now: now, timeZone: timeZone)
        if case .question = step {
            // The replay just made is remembered by the interview: this repeats no work.
            shown = (step, interview.evidence(log: log, now: now, timeZone: timeZone))
        } else {
            shown = (step, Evidence(now: now, timeZone: timeZone))
        }
        return show(step)
    }

    private mutating func show(_ step: InterviewStep) -> String {
        switch step {
        case .question(let prompt): return "\n" + view.render(prompt)
        case .outcome(let outcome):
            finished = true
            shownOutcome = outcome
            let evidence = interview.evidence(log: log, now: clock(), timeZone: timeZone)
            let page = view.render(outcome, evidence: evidence) + handover(outcome, log: log, now: clock())
            guard renderer.audience != .nurse, let closing = interview.knowledge.texts["result-closing"] else {
                return page
            }
            awaitingClosing = true
            return page + "\n" + closing.text(for: view.audience) + "\n> "
        }
    }

    private func why(_ prompt: Prompt) -> String {
        let rules = Dictionary(interview.knowledge.rules.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let because = interview.reasonsForAsking(prompt, log: log, now: clock(), timeZone: timeZone)
        let reasons = because.compactMap { rules[$0] }.prefix(3).map {
            "- " + $0.reason.text(for: view.audience) + " (rule \($0.id))"
        }
        if reasons.isEmpty { return "This question helps make sure nothing serious is missed." }
        return "I ask this because the advice would change if one of these were true:\n"
            + reasons.joined(separator: "\n")
    }

    /// The log key of words typed after an answer: the answer's key and this.
    static let wordsSuffix = "/words"

    static let commandHelp = """
        Type the number of your answer, or words like yes, no or not sure.
        Commands: back (undo the last answer), why (why this question), summary (what I know so far),
        restart (start again), quit (stop and get the safest advice so far).
        """
}
