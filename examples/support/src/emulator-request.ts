// One generateContent on an emulator's google route: the smallest request a test can use to prove
// a started emulator answers on loopback.
export const generateOnce = (url: string, key: string): Promise<Response> =>
  fetch(`${url}/v1beta/models/gemini-2.5-flash:generateContent`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-goog-api-key": key },
    body: JSON.stringify({ contents: [{ role: "user", parts: [{ text: "hi" }] }] }),
  });
