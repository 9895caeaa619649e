package dev.explainunit.explainers.internal;

import dev.explainunit.model.Activations;
import dev.explainunit.model.DirectionTrace;
import dev.explainunit.model.DirectionWeights;

/**
 * {@link LstmDecomposition} for a single-layer, single-unit direction (H = 1, the toy models): the
 * T decompositions of a sentence run side by side (variant v is relevant at step v and joins there
 * with β = 0, γ = the recorded state), so that the processor overlaps their exponentials, with
 * W_ih x_t and the bias activations computed once for all. A specialised copy kept because
 * {@code SingleUnitBenchmark} measures it well over 1.5 times faster on the toy tasks;
 * {@code PassCopiesTest} pins it to {@link LstmDecomposition}. One thread; grows.
 */
final class SingleUnitLstmDecomposition {

    private double[] relevantH = new double[0];
    private double[] irrelevantH = new double[0];
    private double[] relevantC = new double[0];
    private double[] irrelevantC = new double[0];

    private void ensure(int length) {
        relevantH = RelevanceLane.grow(relevantH, length + 1);
        irrelevantH = RelevanceLane.grow(irrelevantH, length + 1);
        relevantC = RelevanceLane.grow(relevantC, length + 1);
        irrelevantC = RelevanceLane.grow(irrelevantC, length + 1);
    }

    /**
     * The score w_c·β_T of every processing step of single-unit direction {@code w} as the relevant
     * one, to {@code scores[s]} (modified); {@code x} is the input, T x D row-major.
     */
    void scores(DirectionWeights w, DirectionTrace tr, double[] x, boolean reversed, double fcWeight,
                double[] scores) {
        int length = tr.steps();
        int inputs = w.inputSize();
        ensure(length);
        double[] betaH = relevantH;
        double[] gammaH = irrelevantH;
        double[] betaC = relevantC;
        double[] gammaC = irrelevantC;
        double whI = w.weightHh(DirectionWeights.GATE_I, 0);
        double whF = w.weightHh(DirectionWeights.GATE_F, 0);
        double whG = w.weightHh(DirectionWeights.GATE_G, 0);
        double cI = w.bias(DirectionWeights.GATE_I);
        double cF = w.bias(DirectionWeights.GATE_F);
        double cG = w.bias(DirectionWeights.GATE_G);
        double biasI = Activations.sigmoid(cI);
        double biasF = Activations.sigmoid(cF);
        double biasG = Activations.tanh(cG);
        for (int s = 0; s < length; s++) {
            int t = reversed ? length - 1 - s : s;
            double inI = 0;
            double inF = 0;
            double inG = 0;
            for (int d = 0; d < inputs; d++) {
                double xd = x[t * inputs + d];
                inI += w.weightIh(DirectionWeights.GATE_I, d) * xd;
                inF += w.weightIh(DirectionWeights.GATE_F, d) * xd;
                inG += w.weightIh(DirectionWeights.GATE_G, d) * xd;
            }
            double fullI = tr.gate(s, DirectionWeights.GATE_I);
            double fullF = tr.gate(s, DirectionWeights.GATE_F);
            double fullG = tr.gate(s, DirectionWeights.GATE_G);
            double o = tr.gate(s, DirectionWeights.GATE_O);
            double tanhCell = tr.tanhC(s, 0);
            betaH[s] = 0;
            betaC[s] = 0;
            gammaH[s] = tr.h(s - 1, 0);
            gammaC[s] = tr.c(s - 1, 0);
            for (int v = 0; v <= s; v++) {
                boolean relevantStep = v == s;
                double bh = betaH[v];
                double gh = gammaH[v];
                double aI = 0;
                double bI = 0;
                aI += whI * bh;
                bI += whI * gh;
                double aF = 0;
                double bF = 0;
                aF += whF * bh;
                bF += whF * gh;
                double aG = 0;
                double bG = 0;
                aG += whG * bh;
                bG += whG * gh;
                if (relevantStep) {
                    aI += inI;
                    aF += inF;
                    aG += inG;
                } else {
                    bI += inI;
                    bF += inF;
                    bG += inG;
                }
                double withAI = Activations.sigmoid(aI + cI);
                double withBI = Activations.sigmoid(bI + cI);
                double withAF = Activations.sigmoid(aF + cF);
                double withBF = Activations.sigmoid(bF + cF);
                double withAG = Activations.tanh(aG + cG);
                double withBG = Activations.tanh(bG + cG);
                double relI = 0.5 * (withAI - biasI + fullI - withBI);
                double irrelI = 0.5 * (withBI - biasI + fullI - withAI);
                double relF = 0.5 * (withAF - biasF + fullF - withBF);
                double irrelF = 0.5 * (withBF - biasF + fullF - withAF);
                double relG = 0.5 * (withAG - biasG + fullG - withBG);
                double irrelG = 0.5 * (withBG - biasG + fullG - withAG);
                double beta = relI * (relG + biasG) + biasI * relG;
                double gamma = irrelI * (relG + irrelG + biasG) + (relI + biasI) * irrelG;
                if (relevantStep) {
                    beta += biasI * biasG;
                } else {
                    gamma += biasI * biasG;
                }
                if (s > 0) {
                    double bc = betaC[v];
                    beta += (relF + biasF) * bc;
                    gamma += (relF + irrelF + biasF) * gammaC[v] + irrelF * bc;
                }
                betaC[v] = beta;
                gammaC[v] = gamma;
                double tanhBeta = Activations.tanh(beta);
                double tanhGamma = Activations.tanh(gamma);
                betaH[v] = o * 0.5 * (tanhBeta + (tanhCell - tanhGamma));
                gammaH[v] = o * 0.5 * (tanhGamma + (tanhCell - tanhBeta));
            }
        }
        for (int v = 0; v < length; v++) {
            double score = 0;
            score += fcWeight * betaH[v];
            scores[v] = score;
        }
    }
}
