import Foundation
import Testing

@testable import AECheckCore
@testable import AECheckLanguage

/// On a live clock time passes between a prompt and its answer. The answer belongs to the
/// prompt the person saw, even when, by the time it is typed, the interview would ask
/// something else.
struct MovingClockTests {
    /// A clock that moves forward by a random step (seconds to a day) each time it is read.
    final class SteppingClock: @unchecked Sendable {
        private let lock = NSLock()
        private var now = InterviewTestSupport.now
        private var generator: SeededGenerator

        init(seed: UInt64) { generator = SeededGenerator(seed: seed) }

        func read() -> Date {
            lock.lock()
            defer { lock.unlock() }
            now += [5, 1_800, 7_200, 86_400, 40 * 86_400].randomElement(using: &generator) ?? 60
            return now
        }
    }

    /// Answers worth typing at a prompt, in the words a person would use.
    static func answers(to prompt: Prompt) -> [String] {
        switch prompt.kind {
        case .pickFindings: ["none", "1", "not sure"]
        case .yesNo: ["no", "yes", "not sure"]
        case .choice: ["1", "2", "not sure"]
        case .number: ["3", "not sure"]
        case .time: ["2 hours ago", "yesterday", "I don't know"]
        case .text: ["I have a rash and a headache since this morning", "nothing else"]
        case .confirm: ["yes"]
        }
    }

    @Test("every accepted answer is logged for the prompt on the screen, however the clock moves")
    func answersBelongToTheShownPrompt() {
        var sessions = 0
        for seed in UInt64(1)...200 {
            let clock = SteppingClock(seed: seed)
            var generator = SeededGenerator(seed: seed &* 7919)
            var session = Session(
                interview: InterviewTestSupport.interview,
                renderer: Renderer(knowledge: InterviewTestSupport.knowledge, audience: .patient, colour: false),
                timeZone: InterviewTestSupport.timeZone, clock: { clock.read() })
            var screen = session.start()
            var turns = 0
            while case .question(let shown) = session.step(), turns < 60 {
                #expect(
                    screen.hasSuffix(session.view.render(shown)),
                    "seed \(seed): the current step is not the prompt on the screen")
                let line = Self.answers(to: shown).randomElement(using: &generator) ?? "not sure"
                let before = session.log.count
                screen = session.handle(line)
                if session.log.count > before {
                    #expect(session.log.last?.key == shown.key, "seed \(seed): '\(line)' logged for another prompt")
                } else {
                    #expect(screen.hasPrefix("Sorry,"), "seed \(seed): '\(line)' neither logged nor refused")
                }
                turns += 1
            }
            #expect(session.finished, "seed \(seed): no result after \(turns) answers")
            sessions += 1
        }
        #expect(sessions == 200)
    }
}
