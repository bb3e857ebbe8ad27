/* Test-only stand-in for Windows 10's bcryptprimitives.dll (absent in Wine 8.0). Rust's standard
 * library (1.78 and later), compiled into python-calamine's extension, imports ProcessPrng from it
 * for random bytes; without the DLL the extension does not load under Wine. It answers with
 * advapi32's RtlGenRandom (SystemFunction036), as Windows' own ProcessPrng answers from the
 * system's generator. Never shipped: a real Windows 10/11 has the genuine DLL. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
