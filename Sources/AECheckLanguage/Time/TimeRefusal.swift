import Foundation

/// Why a time answer was refused: one plain line a person can act on.
///
/// Associated strings hold the offending words as the person wrote them (lowercased).
///
///     TimeRefusal.impossible("25:99").message  // "25:99 is not a real clock time"
public enum TimeRefusal: Hashable, Sendable, Error {
    /// Nothing was given.
    ///
    /// The answer was empty or only whitespace and periods.
    ///
    ///     TimeParser.parse("  ", in: context)  // .failure(.empty)
    case empty
    /// The time lies after now.
    ///
    /// Onsets must already have happened; a band only partly after now is clipped instead.
    ///
    ///     TimeParser.parse("tomorrow", in: context)  // .failure(.future)
    case future
    /// The words look like a time or date that cannot exist.
    ///
    /// Holds the offending words as written, such as "25:99", "13pm" or "2026-02-30".
    ///
    ///     TimeParser.parse("25:99", in: context)  // .failure(.impossible("25:99"))
    case impossible(String)
    /// A relative phrase names an anchor whose time is not known yet.
    ///
    /// Holds the anchor phrase as written (or the unknown words after "after"/"before").
    ///
    ///     TimeParser.parse("20 minutes after lunch", in: context)  // .failure(.unknownAnchor("lunch"))
    case unknownAnchor(String)
    /// The words name two different times, or a numeric date that could be either of two real dates.
    ///
    /// Holds the words as written and the readings to choose from, in the region's order.
    ///
    ///     TimeParser.parse("10/11", in: context)  // .failure(.ambiguous("10/11", ["10 Nov", "11 Oct"]))
    case ambiguous(String, [String])
    /// The words could not be read as a time at all.
    ///
    /// Holds the whole answer, lowercased; also used for ambiguous bare numbers such as "1030".
    ///
    ///     TimeParser.parse("banana", in: context)  // .failure(.unrecognised("banana"))
    case unrecognised(String)

    /// A lowercase-first, one-line reason without a final period.
    ///
    /// Suitable to show the person as is.
    ///
    ///     TimeRefusal.future.message
    ///     // "that time is in the future; please give a time that has already passed"
    public var message: String {
        switch self {
        case .empty:
            return "no time was given; please give a time such as 10:30, 2 hours ago or 14 Nov"
        case .future:
            return "that time is in the future; please give a time that has already passed"
        case .impossible(let text):
            let clockLetters = text.filter(\.isLetter).allSatisfy { "apm".contains($0) }
            if text.contains("-") || text.contains("/") || !clockLetters {
                return "\(text) is not a real date" + (text.contains(":") ? " and time" : "")
            }
            return "\(text) is not a real clock time"
        case .unknownAnchor(let phrase):
            return "the time of \"\(phrase)\" is not known yet; please give a clock time such as 10:30"
        case .ambiguous(let text, let readings) where readings.count == 2:
            return
                "\(text) could be \(readings[0]) or \(readings[1]); please write the month as a word, like \(readings[0])"
        case .ambiguous(let text, _):
            return "\"\(text)\" gives more than one time; please give just one, like yesterday 10am or 14 Nov"
        case .unrecognised(let text):
            return
                "could not read \"\(text)\" as a time; try something like yesterday 10am, 3 days ago, 14 Nov or last week"
        }
    }
}
