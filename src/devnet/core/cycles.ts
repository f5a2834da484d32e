/**
 * Cycles cost formulas (pure). The IC scales every fee linearly by subnet size relative to 13 nodes
 * (`CyclesAccountManager::scale_cost`). `cost_call` and the freezing reserve are implementation-defined in the
 * spec (`arbitrary()`); these follow the replica so ic-cdk's "liquid >= cost_call" check behaves as on mainnet.
 */
import {
    GIB_STORAGE_PER_SECOND_FEE_CYCLES,
    REFERENCE_SUBNET_SIZE,
    TEN_UPDATE_INSTRUCTIONS_EXECUTION_FEE_CYCLES,
    UPDATE_MESSAGE_EXECUTION_FEE_CYCLES,
    XNET_BYTE_TRANSMISSION_FEE_CYCLES,
    XNET_CALL_FEE_CYCLES
} from './limits.constants.js';

const GIB = 1n << 30n;
const SECONDS_PER_DAY = 86_400n;

export function scaleCost(cycles: bigint, subnetSize: number): bigint {
    return (cycles * BigInt(subnetSize)) / BigInt(REFERENCE_SUBNET_SIZE);
}

/** Execution charge of one replicated message: base fee plus instructions. */
export function executionCost(instructions: bigint, subnetSize: number): bigint {
    return scaleCost(UPDATE_MESSAGE_EXECUTION_FEE_CYCLES + (instructions * TEN_UPDATE_INSTRUCTIONS_EXECUTION_FEE_CYCLES) / 10n, subnetSize);
}

/** ic0.cost_call: the fee for sending a request with this method name and payload. */
export function callCost(methodNameBytes: bigint, payloadBytes: bigint, subnetSize: number): bigint {
    return scaleCost(XNET_CALL_FEE_CYCLES + XNET_BYTE_TRANSMISSION_FEE_CYCLES * (methodNameBytes + payloadBytes), subnetSize);
}

/** Cycles the canister burns per day while idle (memory storage only; no compute allocation in the devnet). */
export function idleCyclesPerDay(memoryBytes: bigint, subnetSize: number): bigint {
    return scaleCost((memoryBytes * GIB_STORAGE_PER_SECOND_FEE_CYCLES * SECONDS_PER_DAY) / GIB, subnetSize);
}

/** The freezing limit: what the canister must keep to survive `freezingThresholdSeconds` of idling. */
export function freezingLimit(memoryBytes: bigint, freezingThresholdSeconds: bigint, subnetSize: number): bigint {
    return (idleCyclesPerDay(memoryBytes, subnetSize) * freezingThresholdSeconds) / SECONDS_PER_DAY;
}

/** Liquid balance = balance − freezing limit, floored at 0. */
export function liquidBalance(balance: bigint, frozenReserve: bigint): bigint {
    return balance > frozenReserve ? balance - frozenReserve : 0n;
}
