// A notebook imports only TrainBook and gets the engine and the charts with it, and Foundation's
// math (`pow`, `exp`, `log10`) that learning-rate schedules are written with.
@_exported import Charts
@_exported import Foundation
@_exported import TrainKit
