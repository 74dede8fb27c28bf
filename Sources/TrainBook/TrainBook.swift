@_exported import TrainKit
@_exported import Charts
