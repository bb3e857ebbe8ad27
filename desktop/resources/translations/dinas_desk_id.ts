<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID" sourcelanguage="id_ID">
<context>
    <name>AddUserDialog</name>
    <message>
        <source>Tambah pengguna</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Akun untuk pegawai dinas. Warga dan Wali Nagari tidak memakai aplikasi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>huruf kecil, contoh: rahmi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>18 angka (boleh kosong)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nama pengguna</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nama lengkap dan gelar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NIP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pangkat / golongan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jabatan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kata sandi awal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ulangi kata sandi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buat akun</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kedua kata sandi tidak sama.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>Sedang diproses…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pengaturan yang belum disimpan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Muat ulang</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AdminTables</name>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aktif</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nonaktif</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terkunci s.d. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Belum ada: jalankan db secure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tidak sesuai peran: simpan peran lagi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nama</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nama pengguna</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Akun database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keperluan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Penandatangan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(belum diatur)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jabatan tertulis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pola</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Berikutnya</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nagari</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jorong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Berkas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waktu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ukuran</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AdministratorSetupPage</name>
    <message>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Akun pertama kantor ini. Administrator membuat akun pegawai lain, mengatur penandatangan, penomoran dan printer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>huruf kecil, angka, titik; mis. admin.kantor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seperti tercetak di surat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>18 angka; boleh kosong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mis. Pranata Komputer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minimal %1 karakter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nama &amp;pengguna</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nama lengk&amp;ap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;NIP (opsional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Jabatan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kata &amp;sandi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ulangi kata sandi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simpan kata sandi ini baik-baik: tanpa akun Administrator tidak ada yang dapat membuat akun atau mengubah pengaturan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kedua kata sandi tidak sama. Ketik ulang kata sandi yang sama.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AdministratorTab</name>
    <message>
        <source>Persiapan kantor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pengguna dan peran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pengaturan kantor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Penandatangan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tanda tangan dokumen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pola penomoran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data referensi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Komputer ini</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cadangan dan pemulihan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mengelola akun pengguna, peran, dan kata sandi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mengisi data kantor: kop surat, penandatangan, pola nomor surat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mengatur printer surat dan printer struk setiap komputer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mengatur koneksi database dan membuat cadangan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memperbarui data rujukan: nagari, jenis layanan, hari libur.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnalysisCaseDialog</name>
    <message>
        <source>Buka kasus dari analisis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pelayanan ke nagari dengan capaian adminduk rendah</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kasus dibuka tanpa surat permohonan dan langsung menunggu disposisi Kabid Pelayanan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ketik nama nagari…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mis. Perekaman KTP-el lansia baru 58% (SIAK, Oktober).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Nagari</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dasar analisis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buka kasus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dasar analisis terlalu panjang: %1 karakter, paling banyak %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 dari %2 karakter</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnggotaTimTab</name>
    <message>
        <source>Memeriksa persiapan: data di SIAK Terpusat, alat perekaman, kesiapan nagari.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mencatat setiap warga yang dilayani by name by address, dengan kategori layanan dan hasilnya.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menuliskan alasan bila perekaman gagal atau layanan ditunda.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssignmentForm</name>
    <message>
        <source>Tambah</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Naik</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yang teratas adalah ketua tim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turun</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Perbarui pratinjau</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tandatangani dan terbitkan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tandatangani Surat Tugas (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kepada (yang teratas ketua tim)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tempat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tanggal &amp;mulai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tanggal s&amp;elesai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Untuk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dasar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tem&amp;busan (satu per baris)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Surat Tugas %1 (belum ditandatangani)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 isian perlu diperbaiki; lihat pesan merah di bawah setiap isian.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(pengguna #%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ketua</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anggota</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttachmentList</name>
    <message>
        <source>Tambah berkas…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditLogPage</name>
    <message>
        <source>Berkas CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buku kerja Excel (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ekspor log audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setiap perubahan dan setiap pembacaan data pribadi dicatat dengan pengguna dan waktunya. Catatan tidak dapat diubah atau dihapus. Ekspor juga dicatat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ekspor…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nama pengguna</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Semua tindakan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cari di rincian, misalnya NIK atau nomor surat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terapkan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dari tanggal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sampai tanggal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pengguna</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tindakan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Semua tanggal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memuat…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 baris</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 baris log audit diekspor ke %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>Waktu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pengguna</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tindakan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objek</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rincian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Komputer ini</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackupPage</name>
    <message>
        <source>Cadangan Dinas Desk (*.sqlite3);;Semua berkas (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pilih berkas cadangan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simpan cadangan sebagai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cadangan dan pemulihan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database komputer ini adalah berkas SQLite. Cadangkan setiap hari kerja dan simpan salinannya di luar komputer ini (flashdisk atau server kantor). Folder cadangan: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cadangkan sekarang</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cadangkan ke berkas lain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cadangan di komputer ini</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pemulihan mengganti SELURUH isi database; salinan keadaan sekarang dibuat lebih dulu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pulihkan cadangan terpilih…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pulihkan dari berkas…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cadangan dibuat: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pilih cadangan di tabel lebih dulu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pulihkan database dari %1?

Semua data yang dicatat sesudah cadangan itu dibuat akan hilang. Salinan keadaan sekarang dibuat lebih dulu, sehingga pemulihan ini dapat dibatalkan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pulihkan database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database dipulihkan dari %1. Keadaan sebelumnya disimpan sebagai %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BarChartWidget</name>
    <message>
        <source>Belum ada data pada periode ini.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lainnya</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CancelPackageDialog</name>
    <message>
        <source>Batalkan paket lapangan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batalkan paket laptop yang hilang atau rusak. Paket yang dibatalkan ditolak bila kembali: data yang dicatat di laptop itu harus dicatat ulang di daftar pelayanan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mis. laptop hilang dalam perjalanan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Laptop:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Alasan:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Batalkan paket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tutup</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseAuditTableModel</name>
    <message>
        <source>Waktu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pengguna</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tindakan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseDetailDialog</name>
    <message>
        <source>Berkas kasus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memuat berkas kasus…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nagari</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Langkah</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dibuka</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Riwayat langkah</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pilih lampiran untuk melihatnya</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lampiran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lihat dokumen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dokumen terbit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jejak audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Berkas kasus %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dasar analisis: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Berkas kasus tidak dapat dibuka</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Struk printer termal tidak dapat ditampilkan di sini.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseDocumentsTableModel</name>
    <message>
        <source>Dokumen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nomor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diterbitkan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Oleh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kode verifikasi</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseHeader</name>
    <message>
        <source>Kembali ke daftar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kembali ke daftar pekerjaan (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Berkas kasus…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Riwayat langkah, lampiran, dokumen dan jejak audit kasus ini</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memuat…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseHistoryTableModel</name>
    <message>
        <source>Waktu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Langkah</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tindakan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Oleh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keluaran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenggat</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseWorklistTableModel</name>
    <message>
        <source>Nomor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Perihal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nagari</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenggat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChecklistPage</name>
    <message>
        <source>Penandatangan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Siapa menandatangani Surat Tugas, Lembar Disposisi dan rekapitulasi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Atur penandatangan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Akun pegawai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meja depan, Kabid, Kepala Dinas, tim SIJARLA: satu akun per orang.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buat akun pegawai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pola penomoran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kode klasifikasi dan unit pada nomor surat kantor ini.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Periksa pola nomor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printer surat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printer A4 / F4 komputer ini untuk surat dan laporan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pilih printer surat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printer struk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printer tanda terima 58 / 80 mm di meja depan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Atur printer struk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lambang daerah</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logo di kiri kop surat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pasang lambang</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 dari %2 keperluan diatur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 akun pegawai aktif</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>baru akun Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 pola pernah diubah</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 pola bawaan belum diperiksa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>belum dipilih untuk komputer ini</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>terpasang</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>belum dipasang</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Sudah</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>○ Belum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Persiapan kantor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yang masih perlu diatur sebelum pegawai mulai bekerja. Tombol di setiap baris membuka halamannya.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Semua sudah siap.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 dari %2 hal masih perlu diatur.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ubah</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChecklistRow</name>
    <message>
        <source>Catatan (boleh kosong); Enter menyimpan catatan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Belum dicentang</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dicentang oleh %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CodeListPage</name>
    <message>
        <source>Entri terpilih</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ubah nama</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nonaktifkan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entri baru</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>huruf kecil, mis. akta_cerai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nama</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wajib disertai alasan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dihitung sebagai terlayani</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tambah</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entri yang sudah dipakai tidak dihapus; nonaktifkan agar tidak muncul lagi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aktifkan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entri %1 ditambahkan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nama diubah.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entri dinonaktifkan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entri diaktifkan.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Konflik data lapangan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kolom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Versi kantor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Versi lapangan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pakai versi &amp;lapangan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pakai versi &amp;kantor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tutup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Konflik terbuka</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Baris berwarna: isi yang berbeda antara data kantor dan data lapangan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tidak ada konflik terbuka.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Semua data lapangan sudah digabungkan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Versi lapangan melanggar aturan; tidak dapat dipakai.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Versi lapangan dipakai: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Versi kantor dipakai: %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionResultLabel</name>
    <message>
        <source>Terhubung (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terhubung tanpa enkripsi</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DatabasePage</name>
    <message>
        <source>Sertifikat CA (*.crt *.pem *.cer);;Semua berkas (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pilih sertifikat CA kantor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Di mana data kantor disimpan. Pilih satu PC bila hanya komputer ini yang memakai Dinas Desk; pilih server bila beberapa komputer di kantor memakai data yang sama.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Satu PC (database di komputer ini)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server &amp;PostgreSQL bersama</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Berkas SQLite di folder data komputer ini: %1. Cadangan harian dibuat otomatis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untuk banyak komputer di jaringan kantor. Data koneksi dari pengelola server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server PostgreSQL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mis. 192.168.1.10 atau server-kantor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disimpan di brankas kata sandi Windows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Alamat server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;ort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nama &amp;database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pen&amp;gguna database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kata sand&amp;i</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sambungan terenkripsi, server diverifikasi (&amp;TLS, verify-full)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server di komputer lain wajib memakai TLS dengan sertifikat CA kantor (sslmode=verify-full). Server di komputer ini tidak memerlukannya.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>berkas .crt / .pem dari pengelola server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pilih &amp;berkas…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sertifikat &amp;CA kantor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Uji koneksi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menguji…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Koneksi berhasil.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database kosong: disiapkan untuk kantor ini saat Anda menekan Lanjut.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database ini sudah dipakai kantor: komputer ini bergabung dan langsung ke halaman masuk.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeleteQuestion</name>
    <message>
        <source>Hapus data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hapus data pelayanan %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data yang dihapus di lapangan tidak akan masuk ke kantor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hapus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Batal</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DiscardQuestion</name>
    <message>
        <source>Isian belum disimpan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Isian berikut belum disimpan dan akan hilang:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buang isian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kembali ke isian</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DispositionForm</name>
    <message>
        <source>mis. Tugaskan tim untuk pelayanan jemput bola; utamakan lansia dan disabilitas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kembalikan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kembalikan permohonan ke meja depan dengan alasan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simpan draf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tandatangani…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simpan lalu tandatangani disposisi (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sifat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Batas waktu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tim SIJARLA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Diteruskan kepada</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dengan hormat harap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Isi disposisi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disposisi %1 (belum disimpan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 isian perlu diperbaiki; lihat pesan merah di bawah setiap isian.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Belum ada tim aktif; minta Administrator menyusun tim.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ketua: %1 · Anggota: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(belum ada)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentSigningPage</name>
    <message>
        <source>Tanda tangan di aplikasi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tanda tangan basah dan cap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tanda tangan dokumen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Di aplikasi: nama, NIP, waktu tanda tangan elektronik dan kode QR dicetak di tempat tanda tangan. Basah dan cap: tempat tanda tangan dibiarkan kosong untuk ditandatangani dan dicap; kode QR dicetak kecil di sampingnya. Persetujuan di aplikasi tetap dicatat pada kedua cara.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cara tanda tangan per jenis dokumen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifikasi dokumen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alamat web verifikasi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jika diisi (hanya alamat https), kode QR berisi alamat ini dengan kode verifikasi dokumen (…?kode=K7MPX2QR9T). Jika kosong, kode QR hanya berisi kode verifikasi untuk diperiksa di aplikasi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simpan pengaturan tanda tangan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pengaturan tanda tangan dokumen tersimpan.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentViewerDialog</name>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 halaman · %3 · kode verifikasi %4 · diterbitkan %5 oleh %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cetak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simpan PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mencetak ke %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coba lagi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 halaman dikirim ke %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simpan PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dokumen PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disimpan: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EmblemBox</name>
    <message>
        <source>Pilih lam&amp;bang (PNG)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hapus lambang</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG, paling besar %1 KB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tanpa lambang</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FieldCaseBar</name>
    <message>
        <source>Kasus ini sedang dibawa ke lapangan (%1) sejak %2 oleh %3. Data yang dicatat di lapangan akan masuk saat paket dikembalikan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bawa ke &amp;lapangan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kembalikan dari lapangan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Konflik (0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batalkan &amp;paket…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paket laptop yang hilang atau rusak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ajukan lapo&amp;ran…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Konflik (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data lapangan sudah masuk. Laporan dapat diajukan.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FieldMarks</name>
    <message>
        <source>%1 isian perlu diperbaiki; lihat pesan merah di bawah setiap isian.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FieldModeBanner</name>
    <message>
        <source>Laptop: %1 · berkas %2. Data disimpan ke berkas paket setiap kali tersimpan.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FiguresTableModel</name>
    <message>
        <source>Uraian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileDialog</name>
    <message>
        <source>Dokumen (*.pdf *.doc *.docx *.xls *.xlsx *.odt *.png *.jpg *.jpeg);;Semua berkas (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notulen (*.pdf *.doc *.docx *.odt *.jpg *.jpeg *.png);;Semua berkas (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FinalizationForm</name>
    <message>
        <source>Rapat finalisasi konsep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buka rapat dengan pesertanya; setiap peserta lalu menyetujui draft inovasi dari akunnya.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rapat belum dibuka oleh pejabat struktural.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tanggal rapat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tempat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peserta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buka rapat finalisasi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Persetujuan draft inovasi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rapat %1, %2. Setiap peserta menyetujui draft dari akunnya sendiri.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catatan (wajib bila tidak setuju)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catatan Anda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tidak setuju</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setujui draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menunggu persetujuan: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Semua peserta sudah menyetujui. Lampirkan notulen untuk menyelesaikan langkah ini.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Belum ada berkas notulen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pilih notulen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selesaikan finalisasi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dapat diselesaikan setelah semua peserta menyetujui draft.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rapat finalisasi dibuka; peserta dapat menyetujui draft.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Persetujuan Anda tercatat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ketidaksetujuan Anda tercatat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pilih berkas notulen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pilih berkas notulen rapat lebih dulu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finalisasi konsep selesai; notulen tersimpan.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstDiscussionForm</name>
    <message>
        <source>Rapat pembahasan awal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catat peserta rapat (pejabat struktural) dan keputusannya. &apos;Tidak&apos; mengembalikan gagasan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ruang rapat Kepala Dinas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tanggal rapat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tempat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peserta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keputusan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alasan keputusan (wajib untuk &apos;Tidak&apos; dan &apos;Tolak&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kosongkan: draft disusun dari gagasan dan hasil rapat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft inovasi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simpan hasil rapat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gagasan disetujui untuk dilanjutkan; draft inovasi tersimpan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gagasan dikembalikan ke Kasi Inovasi untuk diperbaiki.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gagasan ditolak.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FolderDialog</name>
    <message>
        <source>Folder untuk paket lapangan</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FrontDeskTab</name>
    <message>
        <source>Mencatat Surat Permohonan Wali Nagari: nomor agenda, nomor dan tanggal surat, nagari, perihal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Melampirkan pindaian surat, jenis layanan yang diminta, dan perkiraan jumlah warga.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mencetak tanda terima untuk pengantar surat pada printer struk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meneruskan surat kepada Kabid Pelayanan Pendaftaran Penduduk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cetak ulang tanda terima…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catat surat masuk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+N surat baru · Ctrl+Enter simpan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dikembalikan Kabid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permohonan yang dikembalikan Kabid tampil di sini.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alasan pengembalian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pilih permohonan di atas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buka dan kirim ulang…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dikembalikan: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tidak ada permohonan yang dikembalikan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mengirim ulang…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 dikirim ulang ke Kabid Pelayanan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tunggu, pindaian masih dibaca.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tanda terima</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menyiapkan tanda terima…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HeaderBar</name>
    <message>
        <source>Cari…  Ctrl+K</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cari kasus, surat, dan warga (Ctrl+K atau Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bantuan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buka panduan pengguna pada bab tab yang sedang dibuka (F1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keluar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keluar dari akun ini dan kembali ke layar masuk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dinas Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kantor belum diatur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disdukcapil %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>Panduan Dinas Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kembali</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daftar isi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Panduan tidak ditemukan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Panduan pengguna tidak ikut terpasang di komputer ini. Pasang ulang Dinas Desk dengan penginstal terbaru, atau minta bantuan Administrator.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HolidaysPage</name>
    <message>
        <source>Tahun</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hari libur kantor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tambah hari libur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hapus yang dipilih</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenggat yang sudah ditetapkan tidak berubah; hari libur berlaku untuk tenggat berikutnya.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Impor hari libur tahun %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 hari libur nasional dan cuti bersama tahun %2 ditambahkan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hari libur ditambahkan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hari libur dihapus.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IdeaDialog</name>
    <message>
        <source>Gagasan inovasi baru</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Langkah 1 SOP Inovasi Pelayanan Publik (1 hari): tulis gagasan dan pointers konsepnya. Setelah diajukan, Kabid Pemanfaatan Data dan Inovasi Pelayanan menelaahnya.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ajukan ke Kabid</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IdeaForm</name>
    <message>
        <source>Perbaiki gagasan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rapat pembahasan awal mengembalikan gagasan ini. Perbaiki, lalu ajukan lagi ke Kabid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contoh: Akta kelahiran langsung dari puskesmas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Masalah pelayanan yang ingin diatasi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Siapa yang dilayani</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pointers konsep: langkah, pembagian tugas, target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lampiran gagasan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Judul gagasan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permasalahan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sasaran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pointers konsep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lampiran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ajukan lagi ke Kabid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gagasan diajukan kembali ke Kabid.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportErrorsDialog</name>
    <message>
        <source>Ada baris yang bermasalah</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Berkas %1: %2 baris diperiksa, %3 baris bermasalah. Belum ada data yang diimpor. Perbaiki berkasnya lalu impor lagi, atau impor %4 baris yang benar saja.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Impor baris yang benar saja</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Baris bermasalah</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportErrorsTableModel</name>
    <message>
        <source>Baris</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kolom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Masalah</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportFileDialog</name>
    <message>
        <source>Impor data pelayanan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lembar kerja (*.xlsx *.csv);;Excel (*.xlsx);;CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InnovationDialog</name>
    <message>
        <source>Inovasi</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InnovationPanel</name>
    <message>
        <source>Alur kerja</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profil inovasi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rapat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posisi pada SOP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memuat…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lihat SOP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buka matriks SOP dengan posisi inovasi ini</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linimasa 8 langkah</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tindakan Anda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Muat ulang</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Langkah %1 dikerjakan oleh %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outputnya: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inovasi ini sudah berjalan rutin; semua langkah SOP selesai.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gagasan ini ditolak pada rapat pembahasan awal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inovasi ini sudah %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menunggu %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permasalahan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sasaran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 orang terlayani pada %2 hari</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output inovasi</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InnovationProfileView</name>
    <message>
        <source>Judul gagasan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permasalahan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sasaran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Konsep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mekanisme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sumber daya</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jadwal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indikator keberhasilan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output inovasi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 orang terlayani pada %2 hari (%3 s.d. %4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Belum ada keluaran yang dicatat.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InnovationRoleTab</name>
    <message>
        <source>Semua status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Berjalan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Berjalan rutin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ditolak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gagasan baru</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tulis gagasan inovasi dan pointers konsepnya (langkah 1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lihat SOP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matriks SOP Inovasi Pelayanan Publik</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daftar inovasi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Semua langkah</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Semua tahun</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hanya yang menunggu tindakan saya</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tidak ada inovasi yang cocok dengan saringan ini.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tugas dalam SOP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pilih inovasi di daftar untuk melihat linimasa 8 langkah dan tindakan Anda.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hanya yang menunggu tindakan saya (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daftar inovasi tidak dapat dimuat: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InnovationTableModel</name>
    <message>
        <source>Nomor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inovasi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posisi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Berjalan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Berjalan rutin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ditolak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dibatalkan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (terlambat)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · tenggat %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KabidPelayananTab</name>
    <message>
        <source>Memeriksa Surat Permohonan yang masuk; syaratnya: tim siap.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menulis disposisi: petunjuk, tim yang ditugaskan, dan tenggat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menandatangani disposisi dan mencetak Lembar Disposisi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memantau agar pelayanan selesai paling lama 3 hari.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Antrean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Surat permohonan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Berkas surat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tidak ada pindaian surat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disposisi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kasus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nagari %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data terbaru dimuat; isian Anda tetap. Periksa, lalu simpan atau tandatangani lagi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kasus ini tidak lagi menunggu disposisi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pindaian surat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lampiran susulan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menyimpan draf…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draf disposisi disimpan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Masukkan kata sandi Anda untuk menandatangani disposisi %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menandatangani…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disposisi ditandatangani; kasus diteruskan ke Kepala Dinas untuk Surat Tugas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mengembalikan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 dikembalikan ke meja depan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Muat ulang</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KabidPemanfaatanTab</name>
    <message>
        <source>Meneruskan Rekapitulasi Pelayanan Inovasi SIJARLA kepada Kepala Dinas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menelaah pointers konsep inovasi dari Kasi Inovasi dan menulis catatan telaahan (1 hari).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ajukan ke Kepala Dinas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Klik dua kali rekap pada daftar pekerjaan untuk melihatnya, lalu ajukan ke Kepala Dinas. Gagasan inovasi yang menunggu telaahan juga tampil di daftar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rekap yang diteruskan dan gagasan inovasi tampil di sini.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2): formulir telaahan inovasi belum tersedia di versi ini.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rekap diajukan ke Kepala Dinas.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KasiInovasiTab</name>
    <message>
        <source>Menyusun gagasan dan pointers konsep inovasi (1 hari).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menyampaikan konsep kepada Kabid untuk ditelaah.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memperbaiki konsep bila rapat pembahasan awal belum menyetujuinya.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KepalaDinasTab</name>
    <message>
        <source>Menandatangani Surat Tugas tim SIJARLA.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menugaskan pelayanan ke nagari dengan capaian adminduk rendah, tanpa surat permohonan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menerima Rekapitulasi Pelayanan Inovasi SIJARLA secara berkala.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menelaah konsep inovasi dan catatan Kabid, lalu menulis catatan tindak lanjut (2 hari).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memimpin penamaan inovasi bersama peserta rapat (1 hari).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buka kasus dari analisis…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tugaskan pelayanan ke nagari dengan capaian adminduk rendah, tanpa surat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daftar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Surat Tugas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pratinjau (belum bernomor dan belum ditandatangani)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cetak Surat Tugas…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pratinjau Surat Tugas tampil di sini</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data terbaru dimuat; isian Anda tetap. Periksa, lalu tandatangani lagi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nagari %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pratinjau belum dapat dibuat; pilih Perbarui pratinjau.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Masukkan kata sandi Anda untuk menandatangani Surat Tugas %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menandatangani Surat Tugas…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Surat Tugas %1 ditandatangani untuk %2. Tim dapat mulai persiapan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Surat Tugas %1 · ditandatangani %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Muat ulang</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rekapitulasi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rekapitulasi diterima.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kasus %1 dibuka untuk Nagari %2; menunggu disposisi Kabid Pelayanan.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KetuaPelaksanaHarianTab</name>
    <message>
        <source>Menerima Laporan Pelaksanaan dari setiap ketua tim.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menyusun Rekapitulasi Pelayanan Inovasi SIJARLA secara berkala.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Melaporkan berapa kasus selesai dalam batas 3 hari.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mengirim rekapitulasi ke Kepala Dinas lewat Kabid Pemanfaatan Data dan Inovasi Pelayanan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teruskan ke Kabid Pemanfaatan Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pilih periode lalu tekan Pratinjau untuk melihat rekap, atau buka rekap yang tersimpan dari daftar pekerjaan. Simpan rekap menyelesaikan kasus yang menunggu rekap pada periode itu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Periode rekap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pratinjau</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simpan rekap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menghitung…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kasus yang menunggu rekap dan rekap draf tampil di sini.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menghitung rekap…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pratinjau dibatalkan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menyimpan rekap…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rekap disimpan sebagai draf.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kasus selesai: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 menunggu rekap: simpan rekap untuk periode yang mencakup tanggal pelayanannya, kasus ini lalu selesai.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rekap diteruskan ke Kabid Pemanfaatan Data dan Inovasi Pelayanan.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KetuaTimTab</name>
    <message>
        <source>Memimpin persiapan sesuai Surat Tugas: data di SIAK Terpusat, alat perekaman, kesiapan nagari.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memimpin pelayanan di nagari; setiap warga dicatat by name by address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menyampaikan Laporan Pelaksanaan Inovasi SIJARLA kepada Ketua Pelaksana Harian.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Biasa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sangat segera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rahasia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tanggapan dan saran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proses lebih lanjut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Koordinasi / konfirmasikan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untuk diketahui</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Siapkan tim dan jadwal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diteruskan ke Kabid Pemanfaatan Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diajukan ke Kepala Dinas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diterima Kepala Dinas</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LetterDocumentDialog</name>
    <message>
        <source>Simpan PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cetak…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simpan PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dokumen PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tersimpan: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menyiapkan halaman untuk dicetak…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printer tidak dapat dibuka.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 halaman dikirim ke printer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LetterForm</name>
    <message>
        <source>mis. 140/27/WN-KB/2026</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ketik nama nagari atau kecamatan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mis. Permohonan pelayanan KTP-el bagi lansia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simpan dan teruskan ke Kabid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simpan surat masuk (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kosongkan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Nomor surat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tanggal surat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;agari</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ifat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pengirim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pe&amp;rihal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layanan yang dimohon dan perkiraan jumlah warga</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pindaian surat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> orang</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Perkiraan jumlah %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Surat masuk yang sedang dicatat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menyimpan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wali Nagari %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 jenis layanan, perkiraan %2 orang</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LetterPanels</name>
    <message>
        <source>%1: %2 orang</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LetterReprintDialog</name>
    <message>
        <source>Cetak ulang tanda terima</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Surat terbaru tampil lebih dulu. Ketik nomor agenda, kode lacak, nomor surat atau nama pengirim untuk menyaring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mis. 0012/AG/2026 atau SJ-…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cetak ulang</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tidak ada surat yang cocok.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agenda %1 · kode lacak %2 · diterima %3
%4
%5</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LetterResubmitDialog</name>
    <message>
        <source>Permohonan dikembalikan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permohonan dikembalikan oleh Kabid Pelayanan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seret lampiran yang kurang (PDF atau gambar) ke sini, atau pilih berkasnya</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lampiran yang kurang (bila diminta)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mis. Daftar nama calon penerima layanan sudah dilampirkan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Catatan untuk Kabid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Surat ini tidak berpindaian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kirim ulang ke Kabid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alasan dari %1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lampiran masih dibaca; tunggu sebentar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kirim ulang ke Kabid dengan lampiran</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LetterSummary</name>
    <message>
        <source>Agenda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Surat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pengirim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nagari</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sifat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dimohon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dasar analisis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tanpa surat: dibuka dari analisis Kepala Dinas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · diterima %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No. %1 tanggal %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Sesi terkunci</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sesi terkunci karena tidak ada aktivitas selama %1 menit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Masuk sebagai %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ketik kata sandi Anda untuk melanjutkan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kata sandi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buka</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keluar</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Masuk — Dinas Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menyiapkan data demo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data demo tidak tersedia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Isi nama pengguna.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Isi kata sandi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Akun tidak dapat diperiksa karena database tidak menjawab. Coba lagi sebentar lagi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dinas Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alur kerja SOP pelayanan kependudukan dan pencatatan sipil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data kantor belum diisi. Administrator dapat mengisinya setelah masuk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Versi %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Masuk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gunakan nama pengguna dan kata sandi yang diberikan Administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nama pengguna</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kata sandi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lupa kata sandi atau akun terkunci? Hubungi Administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buka &amp;paket lapangan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bekerja di lapangan dengan paket .ddlapangan dari Ketua Tim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Akun demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Klik sebuah akun untuk mengisi nama pengguna. Kata sandi semua akun demo: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Dinas Desk — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paket lapangan %1 (skema v%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database: server PostgreSQL %1 (skema v%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database: berkas SQLite %1 (skema v%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dinas Desk %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MeetingsView</name>
    <message>
        <source>Belum ada rapat untuk inovasi ini.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tempat: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keputusan: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NagariPage</name>
    <message>
        <source>Kecamatan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nagari terpilih</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ubah nama</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nonaktifkan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jorong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nama jorong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tambah</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ubah</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nagari baru di kecamatan ini</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nama nagari</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tambah nagari</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aktifkan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nagari ditambahkan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nama nagari diubah.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nagari dinonaktifkan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nagari diaktifkan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jorong ditambahkan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jorong diubah.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jorong dihapus.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NamingForm</name>
    <message>
        <source>Keputusan nama inovasi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tulis alternatif nama dari rapat; Kepala Dinas memilih dan menetapkan satu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alternatif nama</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Makna / kepanjangan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nama terpilih</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tetapkan nama inovasi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hanya Kepala Dinas yang dapat menetapkan nama.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nama inovasi ditetapkan: %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewPasswordDialog</name>
    <message>
        <source>Atur ulang kata sandi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kata sandi baru untuk %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sampaikan kata sandi ini langsung kepada pemilik akun. Kuncian akun ikut dibuka.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kata sandi baru</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ulangi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simpan kata sandi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kedua kata sandi tidak sama.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NumberingPage</name>
    <message>
        <source>Pola penomoran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nomor surat dibentuk dari pola; nomor urut {seq} diambil berurutan dan dimulai lagi dari 1 setiap tahun.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ubah pola</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nomor urut mulai dari 1 setiap tahun</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nama</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pola</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Klasifikasi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bagian pola: {seq} nomor urut ({seq:03} tiga angka), {year} tahun, {bulan} bulan Romawi, {klasifikasi} kode klasifikasi (400.12 Kependudukan dan Catatan Sipil), {unit} unit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contoh nomor berikutnya</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simpan pola</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pola %1 tersimpan.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OfficePage</name>
    <message>
        <source>Gambar PNG (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pilih logo (PNG)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pengaturan kantor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kop surat semua dokumen diambil dari sini; tidak ada nama kabupaten yang tertanam di aplikasi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kop surat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pemerintah</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nama dinas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telepon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pos-el</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laman</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tempat surat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ditulis sebelum tanggal surat, mis. Arosuka</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kabupaten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kertas dan keamanan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A4 (210 × 297 mm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F4 / folio (215 × 330 mm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> menit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ukuran kertas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kunci layar setelah</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simpan pengaturan kantor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pratinjau kop surat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lambang daerah</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(belum dipilih)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pengaturan terbaru sudah dimuat. Isian Anda belum disimpan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terapkan isian saya</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pengaturan kantor tersimpan. Dokumen baru memakai kop ini.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Isian Anda dipasang kembali; periksa lalu simpan.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OfficeSetupPage</name>
    <message>
        <source>Kantor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kop surat semua dokumen diambil dari sini. Semuanya dapat diubah nanti di Administrator → Pengaturan kantor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kabupa&amp;ten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pemer&amp;intah</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nama &amp;dinas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Alamat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tele&amp;pon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pos-&amp;el</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La&amp;man</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tempat s&amp;urat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>jalan, nomor, kecamatan, kode pos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ditulis sebelum tanggal surat, mis. Arosuka</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A4 (210 × 297 mm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F4 / folio (215 × 330 mm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ukuran ke&amp;rtas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pratinjau kop surat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lambang daerah</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boleh dilewati dan dipasang nanti.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(pilih kabupaten)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pilih kabupaten kantor ini.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OpenPackageDialog</name>
    <message>
        <source>Buka paket lapangan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Buka</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kata sandi paket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kata sandi diberikan Ketua Tim saat paket dibawa dari kantor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Berkas %1 tidak dapat dibaca (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Berkas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kasus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nagari</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dibawa oleh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Isi kata sandi paket.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutputForm</name>
    <message>
        <source>Pelaksanaan inovasi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catat keluaran setiap hari kerja: kegiatan dan jumlah orang terlayani.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sejauh ini: %1 catatan pada %2 hari, %3 orang terlayani.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contoh: Akta kelahiran diterbitkan dari puskesmas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kegiatan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orang terlayani</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catat keluaran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tutup tahap pelaksanaan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menulis output inovasi dan menutup kasus: inovasi berjalan rutin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keluaran tanggal %1 tercatat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tutup tahap pelaksanaan? Output inovasi ditulis dari catatan keluaran dan kasus ditutup; keluaran tidak dapat dicatat lagi sesudahnya.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tutup tahap pelaksanaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tahap pelaksanaan ditutup; inovasi berjalan rutin.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PackageFileDialog</name>
    <message>
        <source>Pilih paket lapangan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paket lapangan (*%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ParticipantPicker</name>
    <message>
        <source>setuju</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tidak setuju</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>menunggu</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Konfirmasi kata sandi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tanda tangan elektronik</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kata sandi Anda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kata sandi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kata sandi diperiksa ulang; tanda tangan dicatat beserta waktunya.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tandatangani</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memeriksa kata sandi…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PejabatStrukturalTab</name>
    <message>
        <source>Pembahasan awal: memutuskan inovasi dilanjutkan atau dikembalikan (1 hari).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menyetujui draft inovasi; hasilnya notulen penyempurnaan konsep (1 hari).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pembahasan teknis bersama ADB / pelaksana teknis menuju konsep final (2 hari).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mengusulkan alternatif nama inovasi pada rapat penamaan.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PelaksanaTeknisTab</name>
    <message>
        <source>Mengikuti pembahasan teknis dan menyusun konsep final inovasi (2 hari).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Melaksanakan inovasi setiap hari dengan semua sumber daya yang ada.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mencatat keluaran inovasi agar dapat direplikasi.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <source>Triwulan %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tahun</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bulan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Triwulan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bebas (tanggal)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dari</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sampai</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreparationChecklist</name>
    <message>
        <source>Centang setiap butir setelah diperiksa sesuai Surat Tugas. Ketua tim menutup persiapan bila semua butir sudah dicentang; tim lalu berangkat ke nagari.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Persiapan selesai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 dari %2 butir dicentang</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catatan persiapan %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Persiapan selesai. Kasus masuk tahap pelayanan.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <source>Belum ada pratinjau</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memuat pratinjau…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pratinjau tidak tersedia: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecapChartWidget</name>
    <message>
        <source>Lainnya</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per nagari</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per kategori layanan</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecapFiguresPanel</name>
    <message>
        <source>Data pelayanan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dilayani (selesai)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kasus selesai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tepat waktu (≤ 3 hari kerja)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terlambat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per kategori layanan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per nagari</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per hasil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catatan Kepala Dinas (boleh kosong)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cetak rekapitulasi…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terima rekapitulasi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Periode %1 s.d. %2 · disusun %3 oleh %4 · %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catatan penerimaan %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecapPanel</name>
    <message>
        <source>Ekspor xlsx…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dokumen PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diteruskan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diajukan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diterima</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rekapitulasi Pelayanan Inovasi SIJARLA %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pratinjau, belum disimpan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ekspor rekapitulasi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simpan rekap terlebih dahulu: dokumen PDF dibuat dari rekap yang tersimpan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simpan dokumen PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disimpan ke %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Berkas tidak dapat ditulis: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecapRoleTab</name>
    <message>
        <source>Rekapitulasi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data pelayanan (semua)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecapTableModel</name>
    <message>
        <source>Kecamatan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nagari</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kategori layanan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hasil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecapViewWidget</name>
    <message>
        <source>Data pelayanan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warga terlayani</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kasus selesai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dalam %1 hari kerja</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terlambat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rekapitulasi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Periode %1 · %2 kasus dibuka</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceiptPanel</name>
    <message>
        <source>Surat masuk tercatat dan diteruskan ke Kabid Pelayanan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nomor agenda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kode lacak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nomor kasus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batas layanan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Surat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layanan dimohon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catat surat berikutnya (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cetak tanda terima</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diterima %1 dari %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceiptPrinting</name>
    <message>
        <source>Struk tanda terima dicetak (kode %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tanda Terima %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printer struk belum diatur di komputer ini; cetak tanda terima pada printer surat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tanda terima siap dicetak.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordDeleter</name>
    <message>
        <source>&amp;Hapus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hapus data terpilih yang dicatat di lapangan (tombol Del)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pilih data yang akan dihapus pada tabel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data %1 dihapus.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordEntryForm</name>
    <message>
        <source>16 angka</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>boleh kosong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simpan (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batal ubah</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data baru</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ketik NIK 16 angka; Enter menyimpan dan membuka baris berikutnya.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NIK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nama lengkap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No. KK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nagari</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jorong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kategori layanan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sasaran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hasil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alasan (bila gagal/ditunda)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tanggal layanan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wajib diisi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tidak perlu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 dari 16 angka.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pilih nagari dari daftar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hasil &apos;%1&apos; wajib disertai alasan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NIK wajib diisi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NIK harus 16 digit; yang diisi %1 digit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menyimpan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simpan perubahan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Perubahan data %1 (belum disimpan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data warga yang sedang diketik: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(tanpa nama)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mengubah: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Perubahan dibatalkan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 isian perlu diperbaiki:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Digit 7-8 NIK adalah tanggal lahir: &apos;%1&apos; tidak mungkin (01-31; perempuan 41-71).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Digit 9-10 NIK adalah bulan lahir: &apos;%1&apos; tidak mungkin (01-12).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tanggal lahir %1 pada NIK tidak ada.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>perempuan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>laki-laki</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NIK sah: %1, lahir %2, kecamatan %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordsBrowser</name>
    <message>
        <source>sekitar %1 data pelayanan sesuai saringan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 data pelayanan sesuai saringan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sekitar %1 data pelayanan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 data pelayanan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memuat data…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordsFilterBar</name>
    <message>
        <source>Cari nama atau awal NIK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Semua nagari</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Semua kategori</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Semua hasil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Atur ulang</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hapus semua saringan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Semua</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordsGridPanel</name>
    <message>
        <source>Impor xlsx/csv…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kolom: NIK, Nama, KK, Alamat, Jorong, Nagari, Kategori, Sasaran, Hasil, Alasan, Tanggal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unduh templat…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simpan lembar kerja berisi kolom yang dibaca impor, satu baris contoh dan petunjuk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kirim laporan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 warga tercatat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Perubahan disimpan: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tersimpan: %1. Lanjut ke warga berikutnya.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Templat disimpan di %1. Isi mulai baris 2 (ganti baris contoh), lalu Impor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Impor dibatalkan; tidak ada data yang disimpan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 baris diimpor dari %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 baris bermasalah dilewati.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laporan terkirim ke Ketua Pelaksana Harian.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordsImport</name>
    <message>
        <source>Mengimpor %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memeriksa %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Impor data pelayanan</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordsTableModel</name>
    <message>
        <source>Tanggal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NIK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nama</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nagari</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jorong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kategori</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sasaran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hasil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kasus</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordsTableView</name>
    <message>
        <source>Data pelayanan</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReferencePage</name>
    <message>
        <source>Data referensi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daftar yang dipakai formulir: wilayah, jenis layanan, sasaran, hasil, dan kalender kerja.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nagari dan jorong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kategori layanan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kelompok sasaran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hasil pelayanan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hari libur</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Kirim Laporan Pelaksanaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laporan Pelaksanaan Inovasi SIJARLA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · Nagari %2 · %3 · kepada Ketua Pelaksana Harian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menindaklanjuti Surat Tugas Kepala Dinas, %1 melaksanakan pelayanan dokumen kependudukan (SIJARLA) di Nagari %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kegiatan yang dilaksanakan: tempat, waktu, layanan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simpulan dan saran.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demikian laporan ini disampaikan untuk dapat dipergunakan sebagaimana mestinya.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A. Pendahuluan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B. Kegiatan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C. Hasil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D. Simpulan dan saran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E. Penutup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kirim laporan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simpan &amp;draf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bagian C dibuat otomatis dari data by name by address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draf laporan tersimpan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mengirim…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <source>Kembalikan dari lapangan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Gabungkan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Berkas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kasus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dibawa oleh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tanggal dibawa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data baru dari lapangan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kembalikan paket dari lapangan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 data baru (dari %2 data di paket)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paket ini sudah pernah dikembalikan; yang sudah masuk tidak digandakan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tutup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paket %1 digabungkan. %2 konflik perlu diputuskan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paket %1 digabungkan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menggabungkan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ditambahkan: %1 data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diperbarui: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tidak berubah: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Konflik: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paket ini sudah pernah digabungkan; tidak ada data baru.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sudah dilayani pada kasus lain:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReturnReasonDialog</name>
    <message>
        <source>Kembalikan permohonan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kembalikan %1 ke meja depan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tulis apa yang kurang; alasan ini tampil di daftar pekerjaan meja depan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mis. Daftar nama calon penerima layanan belum dilampirkan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kembalikan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batal</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewForm</name>
    <message>
        <source>Telaahan Kabid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telaah pointers konsep di profil inovasi, lalu teruskan ke Kepala Dinas atau kembalikan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telaahan Kepala Dinas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tulis catatan tindak lanjut; gagasan lalu dibahas dalam rapat pejabat struktural.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catatan telaahan / alasan pengembalian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catatan telaahan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catatan tindak lanjut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teruskan ke Kepala Dinas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kembalikan ke Kasi Inovasi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kirim ke rapat pembahasan awal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diteruskan ke Kepala Dinas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dikembalikan ke Kasi Inovasi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catatan tindak lanjut tersimpan; gagasan menunggu rapat pembahasan awal.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoleTab</name>
    <message>
        <source>SOP SIJARLA (Sistem Kejar Bola)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SOP Inovasi Pelayanan Publik</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pengelolaan aplikasi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daftar pekerjaan tidak dapat dimuat: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tugas dalam SOP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tugas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daftar pekerjaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Belum ada pekerjaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Surat dan kasus yang menunggu tindakan Anda akan tampil di sini.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SaveFileDialog</name>
    <message>
        <source>Buku kerja Excel (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dokumen PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScanDropZone</name>
    <message>
        <source>Seret berkas pindaian (PDF atau gambar) ke sini</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pilih berkas…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lepaskan pindaian dari surat ini</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pratinjau halaman pertama tampil di sini</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pilih pindaian surat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Membaca %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 halaman</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Berkas tidak dapat dipakai; pilih berkas lain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pindaian (*.pdf *.png *.jpg *.jpeg *.tif *.tiff *.bmp);;Semua berkas (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <source>Cari</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cari kasus, surat dan penduduk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nomor kasus, nomor agenda, kode lacak, nomor surat, nagari, nama atau NIK…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ketik paling sedikit 3 huruf. Enter membuka berkas kasus.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mencari…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 hasil. Enter atau klik ganda membuka berkas kasus.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tidak ada yang cocok.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hasil ini tidak terkait dengan kasus.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchResultsTableModel</name>
    <message>
        <source>Jenis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ditemukan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kasus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Surat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Penduduk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetupPage</name>
    <message>
        <source>Sedang diperiksa…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Batalkan pengaturan awal?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Isian Anda belum disimpan dan akan hilang, lalu Dinas Desk ditutup. Pengaturan awal muncul lagi saat Dinas Desk dibuka.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ya, batalkan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lanjutkan pengaturan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pengaturan awal — Dinas Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt; &amp;Kembali</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lanjut &gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Selesai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Langkah %1 dari %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buka &amp;paket lapangan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Satu PC, berkas %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server PostgreSQL %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignedDispositionSheet</name>
    <message>
        <source>Disposisi ditandatangani</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sifat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diteruskan kepada</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batas waktu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dengan hormat harap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Isi disposisi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cetak Lembar Disposisi…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ditandatangani secara elektronik oleh %1 pada %2 · kode tanda tangan %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignersPage</name>
    <message>
        <source>Penandatangan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Siapa yang menandatangani setiap jenis dokumen, dan jabatan yang dicetak di atas namanya.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Atur penandatangan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pilih keperluan di tabel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pejabat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jabatan tertulis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simpan penandatangan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Penandatangan %1 tersimpan.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sla</name>
    <message>
        <source>terlambat %1 hari kerja</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>terlambat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>jatuh tempo hari ini</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sisa %1 hari kerja</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tepat waktu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jatuh tempo hari ini</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terlambat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tanpa tenggat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tenggat %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terlambat %1 hari kerja</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sisa %1 hari kerja</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SopHistoryList</name>
    <message>
        <source>Pilih kasus untuk melihat posisinya pada SOP.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Belum ada langkah yang diselesaikan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; sudah &lt;b&gt;%2&lt;/b&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; sekarang pada baris &lt;b&gt;%2&lt;/b&gt;: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>terlambat %1 hari kerja</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>baris %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SopMatrixWidget</name>
    <message>
        <source>Nomor SOP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tanggal Pembuatan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tanggal Efektif</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disahkan oleh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nama SOP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DASAR HUKUM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KUALIFIKASI PELAKSANA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KETERKAITAN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PERALATAN / PERLENGKAPAN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PERINGATAN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PENCATATAN DAN PENDATAAN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Persyaratan / Kelengkapan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pelaksana</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aktivitas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mutu Baku</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waktu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bentuk: persegi panjang = kegiatan, belah ketupat = keputusan, lonjong = mulai / selesai. Kolom berarsir = pelaksana di luar aplikasi (tidak memakai Dinas Desk).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SopViewDialog</name>
    <message>
        <source>Lihat SOP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SopViewPanel</name>
    <message>
        <source>Riwayat kasus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dasar hukum dan keterkaitan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tampilkan kotak dasar hukum, kualifikasi, keterkaitan dan peringatan SOP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SOP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kasus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(tanpa kasus: SOP saja)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StepForm</name>
    <message>
        <source>Menyimpan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Muat ulang</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gagasan inovasi baru</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Isian %1 untuk inovasi %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SummarySetupPage</name>
    <message>
        <source>Ringkasan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Periksa sekali lagi. Tekan Selesai untuk menyimpan semuanya; bila ada yang ditolak, tidak ada yang tersimpan dan isian Anda tetap ada.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kantor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kabupaten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pemerintah</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nama dinas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kontak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tempat surat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ukuran kertas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lambang daerah</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nama pengguna</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nama lengkap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NIP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jabatan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setelah Selesai Anda langsung masuk sebagai Administrator dan melihat daftar hal yang masih perlu diatur: penandatangan, akun pegawai, pola penomoran dan printer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dipasang</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>belum (dapat dipasang nanti)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(tidak diisi)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TableSupport</name>
    <message>
        <source>Salin baris</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Salin seluruh tabel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ekspor ke CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tabel disimpan ke %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ekspor tabel ke CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Berkas CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tabel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TakeOutDialog</name>
    <message>
        <source>Bawa ke lapangan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bawa kasus ke lapangan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laptop 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tambah laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hapus la&amp;ptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ganti nama</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pilih &amp;folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Bawa ke lapangan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Laptop tim (satu paket per laptop, paling banyak 10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kata sandi paket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ulangi kata sandi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paling sedikit %1 karakter. Tim memerlukan kata sandi ini untuk membuka paket di laptop; kata sandi tidak dapat dipulihkan bila lupa. Sampaikan secara langsung, jangan ditulis di laptop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;older tujuan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tutup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paling banyak %1 laptop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laptop %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paling sedikit satu laptop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kedua kata sandi tidak sama. Ketik ulang pada kolom kedua.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 paket ditulis:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Salin setiap berkas ke laptopnya (berkas Laptop 1 ke Laptop 1, dan seterusnya), lalu buka dengan klik ganda. Sampai paket dikembalikan, kasus ini ditandai sedang di lapangan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kasus siap dibawa ke lapangan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menulis paket…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TeamCaseWorkspace</name>
    <message>
        <source>Pilih kasus pada daftar di atas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kasus tahap persiapan menampilkan daftar persiapan; tahap pelayanan menampilkan tabel warga.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nagari %1 · %2 · tenggat %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kasus ini sudah tidak di tahap tim (sekarang: %1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TeamTab</name>
    <message>
        <source>Kasus tim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kasus tim Anda pada tahap persiapan dan pelayanan akan tampil di sini.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Semua data pelayanan tim</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TechnicalForm</name>
    <message>
        <source>Pembahasan teknis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Susun konsep final bersama ADB / pelaksana teknis (paling sedikit satu ikut).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alur layanan, siapa mengerjakan apa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Petugas, perangkat, anggaran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uji coba, perluasan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ukuran keberhasilan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mekanisme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sumber daya</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jadwal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indikator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tanggal rapat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tempat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peserta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simpan konsep final</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Konsep final tersimpan; langkah berikutnya penamaan inovasi.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TemplateFileDialog</name>
    <message>
        <source>Simpan templat impor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineWidget</name>
    <message>
        <source>sedang berjalan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenggat %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tanpa batas waktu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>selesai %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mulai %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>terlambat %1 hari kerja</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>oleh %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pelaksana: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output yang diharapkan: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catatan: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Belum dimulai · waktu %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>Pengguna dan peran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setiap pegawai punya satu akun; satu akun boleh memegang beberapa peran SOP.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tambah pengguna…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pilih pengguna</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nonaktifkan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buka kunci</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kata sandi baru…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Atur ulang kata sandi; kuncian akun ikut dibuka</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simpan peran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data pegawai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nama</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NIP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pangkat/gol.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jabatan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simpan data pegawai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pilih satu akun di tabel untuk mengubahnya.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aktifkan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Akun %1 dibuat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data pegawai %1 tersimpan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peran %1 tersimpan. Berlaku saat ia masuk lagi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Akun %1 dinonaktifkan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Akun %1 diaktifkan kembali.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kunci akun %1 dibuka.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kata sandi %1 diganti.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VerifyDocumentDialog</name>
    <message>
        <source>Verifikasi dokumen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ketik kode verifikasi yang tercetak di dokumen (atau hasil pindai QR-nya), atau pilih berkas PDF.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mis. K7MPX-2QR9T, DINASDESK:VERIFY:… atau https://…?kode=…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Periksa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pilih PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pilih PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dokumen PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nomor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Perihal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diterbitkan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Halaman</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kode verifikasi</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorklistTableModel</name>
    <message>
        <source>Nomor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Perihal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nagari</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenggat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorklistView</name>
    <message>
        <source>Daftar pekerjaan</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkstationPage</name>
    <message>
        <source>Komputer ini</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pengaturan komputer ini saja: database yang dibuka dan printer yang dipakai.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Koneksi database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kata sandi database (tidak ditampilkan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alamat database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kata sandi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wajibkan TLS untuk server di komputer lain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alamat server di komputer lain harus memakai sslmode=verify-full dan sslrootcert (sertifikat CA kantor). Server di komputer ini tidak terkena aturan ini.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uji koneksi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simpan untuk komputer ini</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Satu komputer: berkas SQLite di disk komputer ini. Banyak komputer: server PostgreSQL kantor. Alamat baru dipakai saat Dinas Desk dibuka lagi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sekarang terbuka: %1 %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alamat diatur oleh variabel lingkungan DINAS_DESK_DB_URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server di komputer lain kini wajib memakai TLS (sslmode=verify-full).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS tidak lagi diwajibkan: sambungan ke server di komputer lain bisa tanpa enkripsi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Isi alamat database lebih dulu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menguji…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Komputer ini akan membuka %1 saat Dinas Desk dibuka lagi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kata sandi disimpan di brankas kata sandi Windows, bukan di pengaturan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printer surat (A4 / F4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Belum ada printer yang terpasang di komputer ini; pasang dulu di pengaturan Windows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Surat Tugas, Lembar Disposisi, laporan dan rekap dicetak ke printer ini, pada kertas yang dipilih di Pengaturan kantor (A4 atau F4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printer struk (tanda terima)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tidak ada</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jaringan (LAN / Wi-Fi)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>USB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serial / COM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printer Windows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sambungan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alamat IP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vendor ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Baud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nama printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>58 mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>80 mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lebar kertas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Karakter per baris</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cetak halaman uji</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simpan printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(printer bawaan Windows)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (tidak ditemukan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (bawaan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (mis. Epson TM-T88)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printer komputer ini tersimpan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mengirim halaman uji…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Halaman uji terkirim ke %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Database tidak dapat dibuka</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dinas Desk tidak dapat membuka database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Perbaiki hal tersebut lalu buka Dinas Desk lagi. Bila database dipindahkan, Administrator dapat menjalankan: dinas-desk --db sqlite:///BERKAS atau --db postgresql://SERVER/NAMA.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>confirm</name>
    <message>
        <source>Ya, lanjutkan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batal</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>daily_backup</name>
    <message>
        <source>Cadangan harian gagal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cadangan harian database hari ini tidak dapat dibuat. Anda tetap dapat bekerja; beri tahu Administrator agar masalahnya diperbaiki.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
