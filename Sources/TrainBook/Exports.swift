// A notebook imports only TrainBook and gets the engine and the charts with it.
@_exported import Charts
@_exported import TrainKit
