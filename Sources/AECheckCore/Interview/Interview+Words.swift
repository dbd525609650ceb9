import AECheckLanguage
import Foundation

/// Words typed after an answer ("none of these, it's the fizz in the kitchen"): the session logs
/// them under the answer's key and `/words`, and they are read right after the answer, as the
/// person's own words are (shown back to confirm; what cannot be placed is asked about).
extension Interview.Walk {
    /// The free-text question whose reading words after an answer follow: the flow's own
    /// `text` step, else the knowledge's first `text` question; nil when there is none (then
    /// a line with more words is refused, never cut short).
    var wordsQuestion: String? {
        for step in interview.flow.steps {
            if case .text(let id) = step.unconditional { return id }
        }
        return knowledge.questionOrder.first { knowledge.questions[$0]?.type == .text }
    }

    /// The next step of reading the words typed after the answer under `key`, or nil when there
    /// are none or they are read.
    mutating func wordsAfter(_ key: String) -> InterviewStep? {
        let wordsKey = key + Session.wordsSuffix
        guard answers[wordsKey] != nil, let id = wordsQuestion else { return nil }
        return freeText(id, under: wordsKey)
    }
}
