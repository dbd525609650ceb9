// The baseline for Scripts/bench: the smallest Swift program that loads Foundation and
// prints a line, so aecheck's own cost can be read as a ratio over the toolchain's floor.
import Foundation

print("baseline \(ProcessInfo.processInfo.processIdentifier)")
