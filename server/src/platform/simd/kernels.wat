;; Matrix kernels for the risk engine, in WebAssembly with 128-bit SIMD (two doubles per
;; lane pair). Scalar JavaScript reaches about one multiply-add per three cycles on these
;; loops; the SIMD kernels below stream a 4 MB history matrix at memory speed.
;;
;; Every pointer is a byte offset into the shared heap (wasm-heap.ts); matrices are
;; row-major Float64 with no padding, so rows need not be 16-byte aligned (x86 and ARM
;; load unaligned vectors at full speed when they do not cross a cache line, and nearly so
;; when they do).
;;
;; Built into kernels-wasm.ts by `npm run build:kernels -w server`; a test checks that the
;; committed bytes are the compiled form of this file.
(module
  (import "env" "memory" (memory 1 32768 shared))

  ;; p[0..n) . q[0..n), four doubles per step in two vector sums, then a scalar tail.
  (func $dot (export "dot") (param $p i32) (param $q i32) (param $n i32) (result f64)
    (local $k i32) (local $bytes i32) (local $vectorBytes i32)
    (local $s0 v128) (local $s1 v128) (local $sum f64)
    (local.set $bytes (i32.shl (local.get $n) (i32.const 3)))
    (local.set $vectorBytes (i32.and (local.get $bytes) (i32.const -32)))
    (block $vectorsDone
      (loop $vectors
        (br_if $vectorsDone (i32.ge_u (local.get $k) (local.get $vectorBytes)))
        (local.set $s0
          (f64x2.add (local.get $s0)
            (f64x2.mul
              (v128.load (i32.add (local.get $p) (local.get $k)))
              (v128.load (i32.add (local.get $q) (local.get $k))))))
        (local.set $s1
          (f64x2.add (local.get $s1)
            (f64x2.mul
              (v128.load offset=16 (i32.add (local.get $p) (local.get $k)))
              (v128.load offset=16 (i32.add (local.get $q) (local.get $k))))))
        (local.set $k (i32.add (local.get $k) (i32.const 32)))
        (br $vectors)))
    (local.set $s0 (f64x2.add (local.get $s0) (local.get $s1)))
    (local.set $sum
      (f64.add (f64x2.extract_lane 0 (local.get $s0)) (f64x2.extract_lane 1 (local.get $s0))))
    (block $tailDone
      (loop $tail
        (br_if $tailDone (i32.ge_u (local.get $k) (local.get $bytes)))
        (local.set $sum
          (f64.add (local.get $sum)
            (f64.mul
              (f64.load (i32.add (local.get $p) (local.get $k)))
              (f64.load (i32.add (local.get $q) (local.get $k))))))
        (local.set $k (i32.add (local.get $k) (i32.const 8)))
        (br $tail)))
    (local.get $sum))

  ;; sum_i h[i] * row[at[i]]^2 over `count` columns: the gamma terms of a delta-gamma
  ;; book, which few factors carry. `at` holds byte offsets within the row (i32).
  (func $quadratic (param $row i32) (param $at i32) (param $h i32) (param $count i32) (result f64)
    (local $i i32) (local $move f64) (local $sum f64)
    (block $done
      (loop $terms
        (br_if $done (i32.ge_u (local.get $i) (local.get $count)))
        (local.set $move
          (f64.load
            (i32.add (local.get $row)
              (i32.load (i32.add (local.get $at) (i32.shl (local.get $i) (i32.const 2)))))))
        (local.set $sum
          (f64.add (local.get $sum)
            (f64.mul
              (f64.load (i32.add (local.get $h) (i32.shl (local.get $i) (i32.const 3))))
              (f64.mul (local.get $move) (local.get $move)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $terms)))
    (local.get $sum))

;; The four inner products of rows p0, p1 with rows q0, q1 over n doubles: four loads
  ;; feed four vector multiply-adds where separate dots would need eight.
  (func $dot2x2 (param $p0 i32) (param $p1 i32) (param $q0 i32) (param $q1 i32) (param $n i32)
    (result f64 f64 f64 f64)
    (local $k i32) (local $bytes i32) (local $vectorBytes i32)
    (local $u0 v128) (local $u1 v128) (local $v0 v128) (local $v1 v128)
    (local $s00 v128) (local $s01 v128) (local $s10 v128) (local $s11 v128)
    (local.set $bytes (i32.shl (local.get $n) (i32.const 3)))
    (local.set $vectorBytes (i32.and (local.get $bytes) (i32.const -16)))
    (block $vectorsDone
      (loop $vectors
        (br_if $vectorsDone (i32.ge_u (local.get $k) (local.get $vectorBytes)))
        (local.set $u0 (v128.load (i32.add (local.get $p0) (local.get $k))))
        (local.set $u1 (v128.load (i32.add (local.get $p1) (local.get $k))))
        (local.set $v0 (v128.load (i32.add (local.get $q0) (local.get $k))))
        (local.set $v1 (v128.load (i32.add (local.get $q1) (local.get $k))))
        (local.set $s00 (f64x2.add (local.get $s00) (f64x2.mul (local.get $u0) (local.get $v0))))
        (local.set $s01 (f64x2.add (local.get $s01) (f64x2.mul (local.get $u0) (local.get $v1))))
        (local.set $s10 (f64x2.add (local.get $s10) (f64x2.mul (local.get $u1) (local.get $v0))))
        (local.set $s11 (f64x2.add (local.get $s11) (f64x2.mul (local.get $u1) (local.get $v1))))
        (local.set $k (i32.add (local.get $k) (i32.const 16)))
        (br $vectors)))
    ;; An odd n leaves one double: load it into lane 0 with lane 1 zero.
    (if (i32.lt_u (local.get $k) (local.get $bytes))
      (then
        (local.set $u0 (v128.load64_zero (i32.add (local.get $p0) (local.get $k))))
        (local.set $u1 (v128.load64_zero (i32.add (local.get $p1) (local.get $k))))
        (local.set $v0 (v128.load64_zero (i32.add (local.get $q0) (local.get $k))))
        (local.set $v1 (v128.load64_zero (i32.add (local.get $q1) (local.get $k))))
        (local.set $s00 (f64x2.add (local.get $s00) (f64x2.mul (local.get $u0) (local.get $v0))))
        (local.set $s01 (f64x2.add (local.get $s01) (f64x2.mul (local.get $u0) (local.get $v1))))
        (local.set $s10 (f64x2.add (local.get $s10) (f64x2.mul (local.get $u1) (local.get $v0))))
        (local.set $s11 (f64x2.add (local.get $s11) (f64x2.mul (local.get $u1) (local.get $v1))))))
    (f64.add (f64x2.extract_lane 0 (local.get $s00)) (f64x2.extract_lane 1 (local.get $s00)))
    (f64.add (f64x2.extract_lane 0 (local.get $s01)) (f64x2.extract_lane 1 (local.get $s01)))
    (f64.add (f64x2.extract_lane 0 (local.get $s10)) (f64x2.extract_lane 1 (local.get $s10)))
    (f64.add (f64x2.extract_lane 0 (local.get $s11)) (f64x2.extract_lane 1 (local.get $s11))))

  ;; sqrt(a_ii - |row i of l before i|^2) into l_ii, or false when that pivot is not safely
  ;; positive (the pivot is then left in l_ii for the caller's message). A pivot lost in
  ;; rounding noise relative to its diagonal is as fatal as a negative one; NaN and
  ;; infinity fail the comparisons too.
  (func $pivot (param $aRow i32) (param $lRow i32) (param $i i32) (result i32)
    (local $diagonal f64) (local $pivot f64) (local $at i32)
    (local.set $at (i32.shl (local.get $i) (i32.const 3)))
    (local.set $diagonal (f64.load (i32.add (local.get $aRow) (local.get $at))))
    (local.set $pivot
      (f64.sub (local.get $diagonal) (call $dot (local.get $lRow) (local.get $lRow) (local.get $i))))
    (if (i32.eqz
          (i32.and
            (f64.gt (local.get $pivot) (f64.mul (f64.const 1e-14) (f64.abs (local.get $diagonal))))
            (f64.lt (local.get $pivot) (f64.const inf))))
      (then
        (f64.store (i32.add (local.get $lRow) (local.get $at)) (local.get $pivot))
        (return (i32.const 0))))
    (f64.store (i32.add (local.get $lRow) (local.get $at)) (f64.sqrt (local.get $pivot)))
    (i32.const 1))

  ;; l_ij = (a_ij - row i . row j of l, over the first j) / l_jj, for one j < i.
  (func $offDiagonal (param $aRow i32) (param $lRow i32) (param $lRowJ i32) (param $j i32)
    (local $at i32)
    (local.set $at (i32.shl (local.get $j) (i32.const 3)))
    (f64.store (i32.add (local.get $lRow) (local.get $at))
      (f64.div
        (f64.sub
          (f64.load (i32.add (local.get $aRow) (local.get $at)))
          (call $dot (local.get $lRow) (local.get $lRowJ) (local.get $j)))
        (f64.load (i32.add (local.get $lRowJ) (local.get $at))))))

  ;; Lower-triangular l with a = l l^T for an n x n matrix a (only its lower triangle is
  ;; read), row by row (Cholesky-Banachiewicz) so every inner product runs along two
  ;; contiguous rows of l. Rows are built in pairs against earlier rows in pairs ($dot2x2).
  ;; Returns -1, or the first row whose pivot is not safely positive. l must start zeroed.
  (func (export "cholesky") (param $a i32) (param $l i32) (param $n i32) (result i32)
    (local $i i32) (local $j i32) (local $rowBytes i32)
    (local $l0 i32) (local $l1 i32) (local $a0 i32) (local $a1 i32) (local $m0 i32) (local $m1 i32)
    (local $at i32) (local $at1 i32)
    (local $s00 f64) (local $s01 f64) (local $s10 f64) (local $s11 f64)
    (local $x0 f64) (local $x1 f64) (local $below f64)
    (local.set $rowBytes (i32.shl (local.get $n) (i32.const 3)))
    (block $pairsDone
      (loop $pairs
        (br_if $pairsDone (i32.gt_u (i32.add (local.get $i) (i32.const 2)) (local.get $n)))
        (local.set $l0 (i32.add (local.get $l) (i32.mul (local.get $i) (local.get $rowBytes))))
        (local.set $l1 (i32.add (local.get $l0) (local.get $rowBytes)))
        (local.set $a0 (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $rowBytes))))
        (local.set $a1 (i32.add (local.get $a0) (local.get $rowBytes)))
        ;; i is even, so the earlier rows pair up exactly.
        (local.set $j (i32.const 0))
        (block $earlierDone
          (loop $earlier
            (br_if $earlierDone (i32.ge_u (local.get $j) (local.get $i)))
            (local.set $m0 (i32.add (local.get $l) (i32.mul (local.get $j) (local.get $rowBytes))))
            (local.set $m1 (i32.add (local.get $m0) (local.get $rowBytes)))
            (local.set $at (i32.shl (local.get $j) (i32.const 3)))
            (local.set $at1 (i32.add (local.get $at) (i32.const 8)))
            (call $dot2x2 (local.get $l0) (local.get $l1) (local.get $m0) (local.get $m1) (local.get $j))
            (local.set $s11) (local.set $s10) (local.set $s01) (local.set $s00)
            ;; Column j first; column j + 1 also needs l_{j+1,j} times the new column-j values.
            (local.set $x0
              (f64.div (f64.sub (f64.load (i32.add (local.get $a0) (local.get $at))) (local.get $s00))
                (f64.load (i32.add (local.get $m0) (local.get $at)))))
            (local.set $x1
              (f64.div (f64.sub (f64.load (i32.add (local.get $a1) (local.get $at))) (local.get $s10))
                (f64.load (i32.add (local.get $m0) (local.get $at)))))
            (f64.store (i32.add (local.get $l0) (local.get $at)) (local.get $x0))
            (f64.store (i32.add (local.get $l1) (local.get $at)) (local.get $x1))
            (local.set $below (f64.load (i32.add (local.get $m1) (local.get $at))))
            (f64.store (i32.add (local.get $l0) (local.get $at1))
              (f64.div
                (f64.sub (f64.sub (f64.load (i32.add (local.get $a0) (local.get $at1))) (local.get $s01))
                  (f64.mul (local.get $x0) (local.get $below)))
                (f64.load (i32.add (local.get $m1) (local.get $at1)))))
            (f64.store (i32.add (local.get $l1) (local.get $at1))
              (f64.div
                (f64.sub (f64.sub (f64.load (i32.add (local.get $a1) (local.get $at1))) (local.get $s11))
                  (f64.mul (local.get $x1) (local.get $below)))
                (f64.load (i32.add (local.get $m1) (local.get $at1)))))
            (local.set $j (i32.add (local.get $j) (i32.const 2)))
            (br $earlier)))
        ;; The 2 x 2 diagonal block depends on itself: pivot i, then l_{i+1,i}, then pivot i+1.
        (if (i32.eqz (call $pivot (local.get $a0) (local.get $l0) (local.get $i)))
          (then (return (local.get $i))))
        (call $offDiagonal (local.get $a1) (local.get $l1) (local.get $l0) (local.get $i))
        (if (i32.eqz (call $pivot (local.get $a1) (local.get $l1) (i32.add (local.get $i) (i32.const 1))))
          (then (return (i32.add (local.get $i) (i32.const 1)))))
        (local.set $i (i32.add (local.get $i) (i32.const 2)))
        (br $pairs)))
    ;; An odd n leaves one row, built against every earlier row one at a time.
    (if (i32.lt_u (local.get $i) (local.get $n))
      (then
        (local.set $l0 (i32.add (local.get $l) (i32.mul (local.get $i) (local.get $rowBytes))))
        (local.set $a0 (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $rowBytes))))
        (local.set $j (i32.const 0))
        (block $lastDone
          (loop $last
            (br_if $lastDone (i32.ge_u (local.get $j) (local.get $i)))
            (call $offDiagonal (local.get $a0) (local.get $l0)
              (i32.add (local.get $l) (i32.mul (local.get $j) (local.get $rowBytes)))
              (local.get $j))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $last)))
        (if (i32.eqz (call $pivot (local.get $a0) (local.get $l0) (local.get $i)))
          (then (return (local.get $i))))))
    (i32.const -1))

;; $quadratic of two rows at once into out[0] and out[1], two terms per step: the
  ;; lanes of a vector hold terms i and i + 1, gathered from the two columns they name.
  (func $quadraticPair (param $row0 i32) (param $row1 i32) (param $at i32) (param $h i32)
    (param $count i32) (param $out i32)
    (local $i i32) (local $o0 i32) (local $o1 i32)
    (local $w v128) (local $v0 v128) (local $v1 v128) (local $s0 v128) (local $s1 v128)
    (local $weight f64) (local $m0 f64) (local $m1 f64) (local $sum0 f64) (local $sum1 f64)
    (block $pairsDone
      (loop $pairs
        (br_if $pairsDone (i32.gt_u (i32.add (local.get $i) (i32.const 2)) (local.get $count)))
        (local.set $o0 (i32.load (i32.add (local.get $at) (i32.shl (local.get $i) (i32.const 2)))))
        (local.set $o1 (i32.load offset=4 (i32.add (local.get $at) (i32.shl (local.get $i) (i32.const 2)))))
        (local.set $w (v128.load (i32.add (local.get $h) (i32.shl (local.get $i) (i32.const 3)))))
        (local.set $v0
          (v128.load64_lane 1 (i32.add (local.get $row0) (local.get $o1))
            (v128.load64_zero (i32.add (local.get $row0) (local.get $o0)))))
        (local.set $v1
          (v128.load64_lane 1 (i32.add (local.get $row1) (local.get $o1))
            (v128.load64_zero (i32.add (local.get $row1) (local.get $o0)))))
        (local.set $s0
          (f64x2.add (local.get $s0) (f64x2.mul (local.get $w) (f64x2.mul (local.get $v0) (local.get $v0)))))
        (local.set $s1
          (f64x2.add (local.get $s1) (f64x2.mul (local.get $w) (f64x2.mul (local.get $v1) (local.get $v1)))))
        (local.set $i (i32.add (local.get $i) (i32.const 2)))
        (br $pairs)))
    (local.set $sum0 (f64.add (f64x2.extract_lane 0 (local.get $s0)) (f64x2.extract_lane 1 (local.get $s0))))
    (local.set $sum1 (f64.add (f64x2.extract_lane 0 (local.get $s1)) (f64x2.extract_lane 1 (local.get $s1))))
    ;; An odd count leaves one term.
    (if (i32.lt_u (local.get $i) (local.get $count))
      (then
        (local.set $o0 (i32.load (i32.add (local.get $at) (i32.shl (local.get $i) (i32.const 2)))))
        (local.set $weight (f64.load (i32.add (local.get $h) (i32.shl (local.get $i) (i32.const 3)))))
        (local.set $m0 (f64.load (i32.add (local.get $row0) (local.get $o0))))
        (local.set $m1 (f64.load (i32.add (local.get $row1) (local.get $o0))))
        (local.set $sum0
          (f64.add (local.get $sum0) (f64.mul (local.get $weight) (f64.mul (local.get $m0) (local.get $m0)))))
        (local.set $sum1
          (f64.add (local.get $sum1) (f64.mul (local.get $weight) (f64.mul (local.get $m1) (local.get $m1)))))))
    (f64.store (local.get $out) (local.get $sum0))
    (f64.store offset=8 (local.get $out) (local.get $sum1)))

  ;; y = A x for a rows x cols matrix A, and q[r] = $quadratic of row r when count > 0,
  ;; read while the row is still in the first-level cache. Two rows at a time share every
  ;; load of x, so three vector loads feed four multiply-adds; an odd last row goes
  ;; through $dot.
  (func (export "matvec") (param $a i32) (param $x i32) (param $y i32) (param $rows i32) (param $cols i32)
    (param $at i32) (param $h i32) (param $count i32) (param $q i32)
    (local $r i32) (local $k i32) (local $rowBytes i32) (local $vectorBytes i32)
    (local $a0 i32) (local $a1 i32) (local $out i32)
    (local $s0 v128) (local $s1 v128) (local $t0 v128) (local $t1 v128)
    (local $x0 v128) (local $x1 v128)
    (local $u f64) (local $v f64) (local $xk f64)
    (local.set $rowBytes (i32.shl (local.get $cols) (i32.const 3)))
    (local.set $vectorBytes (i32.and (local.get $rowBytes) (i32.const -32)))
    (block $pairsDone
      (loop $pairs
        (br_if $pairsDone (i32.gt_u (i32.add (local.get $r) (i32.const 2)) (local.get $rows)))
        (local.set $a0 (i32.add (local.get $a) (i32.mul (local.get $r) (local.get $rowBytes))))
        (local.set $a1 (i32.add (local.get $a0) (local.get $rowBytes)))
        (local.set $s0 (v128.const i64x2 0 0))
        (local.set $s1 (v128.const i64x2 0 0))
        (local.set $t0 (v128.const i64x2 0 0))
        (local.set $t1 (v128.const i64x2 0 0))
        (local.set $k (i32.const 0))
        (block $vectorsDone
          (loop $vectors
            (br_if $vectorsDone (i32.ge_u (local.get $k) (local.get $vectorBytes)))
            (local.set $x0 (v128.load (i32.add (local.get $x) (local.get $k))))
            (local.set $x1 (v128.load offset=16 (i32.add (local.get $x) (local.get $k))))
            (local.set $s0
              (f64x2.add (local.get $s0)
                (f64x2.mul (local.get $x0) (v128.load (i32.add (local.get $a0) (local.get $k))))))
            (local.set $s1
              (f64x2.add (local.get $s1)
                (f64x2.mul (local.get $x1)
                  (v128.load offset=16 (i32.add (local.get $a0) (local.get $k))))))
            (local.set $t0
              (f64x2.add (local.get $t0)
                (f64x2.mul (local.get $x0) (v128.load (i32.add (local.get $a1) (local.get $k))))))
            (local.set $t1
              (f64x2.add (local.get $t1)
                (f64x2.mul (local.get $x1)
                  (v128.load offset=16 (i32.add (local.get $a1) (local.get $k))))))
            (local.set $k (i32.add (local.get $k) (i32.const 32)))
            (br $vectors)))
        (local.set $s0 (f64x2.add (local.get $s0) (local.get $s1)))
        (local.set $t0 (f64x2.add (local.get $t0) (local.get $t1)))
        (local.set $u
          (f64.add (f64x2.extract_lane 0 (local.get $s0)) (f64x2.extract_lane 1 (local.get $s0))))
        (local.set $v
          (f64.add (f64x2.extract_lane 0 (local.get $t0)) (f64x2.extract_lane 1 (local.get $t0))))
        (block $tailDone
          (loop $tail
            (br_if $tailDone (i32.ge_u (local.get $k) (local.get $rowBytes)))
            (local.set $xk (f64.load (i32.add (local.get $x) (local.get $k))))
            (local.set $u
              (f64.add (local.get $u)
                (f64.mul (local.get $xk) (f64.load (i32.add (local.get $a0) (local.get $k))))))
            (local.set $v
              (f64.add (local.get $v)
                (f64.mul (local.get $xk) (f64.load (i32.add (local.get $a1) (local.get $k))))))
            (local.set $k (i32.add (local.get $k) (i32.const 8)))
            (br $tail)))
        (local.set $out (i32.add (local.get $y) (i32.shl (local.get $r) (i32.const 3))))
        (f64.store (local.get $out) (local.get $u))
        (f64.store offset=8 (local.get $out) (local.get $v))
        (if (local.get $count)
          (then
            (call $quadraticPair (local.get $a0) (local.get $a1) (local.get $at) (local.get $h)
              (local.get $count)
              (i32.add (local.get $q) (i32.shl (local.get $r) (i32.const 3))))))
        (local.set $r (i32.add (local.get $r) (i32.const 2)))
        (br $pairs)))
    (if (i32.lt_u (local.get $r) (local.get $rows))
      (then
        (local.set $a0 (i32.add (local.get $a) (i32.mul (local.get $r) (local.get $rowBytes))))
        (f64.store
          (i32.add (local.get $y) (i32.shl (local.get $r) (i32.const 3)))
          (call $dot (local.get $a0) (local.get $x) (local.get $cols)))
        (if (local.get $count)
          (then
            (f64.store
              (i32.add (local.get $q) (i32.shl (local.get $r) (i32.const 3)))
              (call $quadratic (local.get $a0) (local.get $at) (local.get $h) (local.get $count))))))))
)
