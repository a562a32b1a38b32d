// A consumer's code, type-checked (never run) by declarations.test.mjs under `tsc --strict` as a Node
// project and as a browser project: what the README shows must compile against the published types.
import {
    ComplianceApiConfiguration, ComplianceApiError, FindingsClient, InspectionsClient, ResponsesClient,
    type Finding, type ProgressUpdateRequest, type ResponseStatus,
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

export async function allFindings(configuration: ComplianceApiConfiguration, inspectionId: string, signal?: AbortSignal): Promise<Finding[]> {
    const findings = new FindingsClient(configuration);
    const all: Finding[] = [];
    let cursor: string | undefined;
    do {
        const page = await findings.listFindings(inspectionId, undefined, undefined, undefined, undefined, 200, cursor, signal);
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
