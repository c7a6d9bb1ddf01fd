/**
 * Reads a POST body as a form. `request.formData()` throws a TypeError on a
 * body that is not a form (JSON, text/plain, no Content-Type, multipart
 * without a boundary or cut short); that is the sender's mistake, so it gets
 * the localised 400 page instead of a 500, and nothing is changed.
 */
export async function readFormData(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    throw new Response("The request body is not a form", { status: 400 });
  }
}
