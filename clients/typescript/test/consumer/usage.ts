// A consumer's code, type-checked (never run) by declarations.test.mjs under `tsc --strict` as a Node
// project and as a browser project: what the README shows must compile against the published types.
import {
    ApiKeysClient, ComplianceApiConfiguration, ComplianceApiError, FindingsClient, ForcesClient, InspectionsClient, ResponsesClient,
    type Finding, type ForceRequest, type ProgressUpdateRequest, type ResponseStatus,
} from "@compliance-api/client";

export async function inProgress(baseUrl: string, apiKey: string): Promise<string[]> {
    const configuration = new ComplianceApiConfiguration(baseUrl, apiKey);
    const responses = new ResponsesClient(configuration);
    const inspections = new InspectionsClient(configuration);
    const lines: string[] = [];
    const page = await responses.listForceResponses(undefined, undefined, "lancashire", "InProgress");
    for (const response of page.items) {
        const inspection = await inspections.getInspection(response.inspectionId);
        const status: ResponseStatus = response.status;
        lines.push(`${inspection.title} ${response.findingReference} ${status} ${response.rag ?? ""}`);
    }
    return lines;
}

export async function allFindings(configuration: ComplianceApiConfiguration, inspectionId: string): Promise<Finding[]> {
    const findings = new FindingsClient(configuration);
    const all: Finding[] = [];
    let cursor: string | undefined;
    do {
        const page = await findings.listFindings(inspectionId, undefined, undefined, undefined, undefined, 200, cursor);
        all.push(...page.items);
        cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return all;
}

export async function record(responses: ResponsesClient, responseId: string, update: ProgressUpdateRequest): Promise<Record<string, string[]> | string> {
    try {
        await responses.recordProgressUpdate(responseId, update);
        return "recorded";
    } catch (error) {
        if (!(error instanceof ComplianceApiError)) throw error;
        const status: number = error.status;
        if (status === 400) return error.problem?.errors ?? {};
        return `${error.problem?.title ?? status}: ${error.problem?.detail ?? ""}`;
    }
}

export function logged(baseUrl: string, apiKey: string): ComplianceApiConfiguration {
    const fetchAndLog = (input: string | URL | Request, init?: RequestInit) => {
        console.debug(init?.method, input);
        return fetch(input, init);
    };
    return new ComplianceApiConfiguration(baseUrl, apiKey, fetchAndLog);
}

// Calls written against contract 1.1, with the signal where 1.2 put If-Match or Idempotency-Key, and the
// 1.2 calls beside them.
export async function cancellable(configuration: ComplianceApiConfiguration, force: ForceRequest, keyId: string, responseId: string,
    update: ProgressUpdateRequest, idempotencyKey: string, signal: AbortSignal): Promise<string[]> {
    const created = await new ForcesClient(configuration).createForce(force, signal);
    await new ApiKeysClient(configuration).revokeApiKey(keyId, signal);
    const responses = new ResponsesClient(configuration);
    const recorded = await responses.recordProgressUpdate(responseId, update, signal);
    const keyed = await responses.recordProgressUpdate(responseId, update, undefined, idempotencyKey, signal);
    return [created.code, recorded.id, keyed.id];
}

// An access token from the force's identity provider instead of a key, fetched (and cached) by the caller.
export function withTokens(baseUrl: string, acquire: (signal?: AbortSignal) => Promise<string>): InspectionsClient {
    return new InspectionsClient(ComplianceApiConfiguration.withToken(baseUrl, acquire));
}
