import Foundation
import Testing

/// Keras habits in a notebook, end to end: a declared input width, `model.summary()` as text and
/// as a table, Keras's schedule classes as learning rates, and the message for an image shape.
@Suite(.serialized) struct KerasHabitsEndToEndTests {
    @Test func summaryAndScheduleClassesRenderInANotebook() throws {
        let run = try TrainBookRun(notebooks: ["keras-habits.md"])
        #expect(run.status == 0, "\(run.terminal)")
        let cells = try run.page("keras-habits").components(separatedBy: "<section class=\"cell\"")
        // Printed as Keras prints it, then shown as a table.
        #expect(cells[1].contains("│ batch_normalization             │ (None, 16)             │            64 │"))
        #expect(cells[1].contains(" Non-trainable params: 32 (128.00 B)"))
        #expect(cells[1].contains("<th>Layer (type)</th><th>Output Shape</th><th>Param #</th>"))
        #expect(cells[1].contains("<td>dense_1 (Dense)</td><td>(None, 3)</td><td>51</td>"))
        #expect(cells[1].contains("<td>Total params</td><td></td><td>195 (780.00 B)</td>"))
        // 120 rows in batches of 30: 4 steps an epoch, so epochs log the rates at steps 4, 8 and 12.
        #expect(cells[2].contains("ExponentialDecay(0.1, decaySteps: 4, decayRate: 0.5, staircase: true) at step 8: "
            + "0.02500000037252903 logged: [0.05000000074505806, 0.02500000037252903, 0.012500000186264515]"))
        #expect(cells[2].contains("at step 8: 0.10000000149011612 logged: [0.10000000149011612, 0.10000000149011612, "
            + "0.009999999776482582]"))
        #expect(cells[2].contains("<svg"))
    }

    @Test func aKerasImageShapeSaysToFlattenAtItsLine() throws {
        let run = try TrainBookRun(notebooks: [BadNotebookTests.bad.appendingPathComponent("keras-image-shape.md").path],
                                   arguments: ["--no-cache"])
        #expect(run.status == 1)
        #expect(run.terminal.contains("Dense(128): inputShape [28, 28] has 2 dimensions, but a TrainBook model takes "
            + "flat rows of features (there is no Flatten layer). Flatten the data to 28 × 28 = 784 columns "
            + "(the MNIST datasets already are) and declare inputShape: [784]."))
        #expect(run.terminal.contains("keras-image-shape.md:6: error:"))
        #expect(try run.page("keras-image-shape").contains("making the model"))
    }
}
