// K models trained in step on the same prepared batches of real MNIST digits: per batch, one copy of
// the rows' entries and one counting sort by column, then for each model x · W, xᵀ · δ and an SGD
// update (with momentum when the second argument is 1). Prints each model's share of an epoch for
// K = 1, 2, 4, 8 (best of 3 epochs): what preparing a batch once for several trainings
// (Sources/TrainKit/Training/TrainingRun.swift) can save at most, without the engine's other per-model work.
//
//   cc -O2 -march=native bench/kernels/lockstep-batches.c -o lockstep-batches
//   taskset -c 0 ./lockstep-batches PATH/train-images-idx3-ubyte [0|1]
//
// Needs a CPU with AVX-512F.
#include <immintrin.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
enum { ROWS = 60000, WIDTH = 784, UNITS = 50, BATCH = 32 };
static double now(void){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec+t.tv_nsec*1e-9;}
typedef struct { __m512 s0,s1,s2; __m128 s3; } Sums;
static inline Sums zero(void){return (Sums){_mm512_setzero_ps(),_mm512_setzero_ps(),_mm512_setzero_ps(),_mm_setzero_ps()};}
static inline Sums add(Sums s,float value,const float*row){__m512 v=_mm512_set1_ps(value);
 s.s0=_mm512_fmadd_ps(v,_mm512_loadu_ps(row),s.s0);s.s1=_mm512_fmadd_ps(v,_mm512_loadu_ps(row+16),s.s1);
 s.s2=_mm512_fmadd_ps(v,_mm512_loadu_ps(row+32),s.s2);s.s3=_mm_fmadd_ps(_mm512_castps512_ps128(v),_mm_loadu_ps(row+46),s.s3);return s;}
static inline void store(float*out,Sums a,Sums b){_mm512_storeu_ps(out,_mm512_add_ps(a.s0,b.s0));_mm512_storeu_ps(out+16,_mm512_add_ps(a.s1,b.s1));
 _mm512_storeu_ps(out+32,_mm512_add_ps(a.s2,b.s2));_mm_storeu_ps(out+46,_mm_add_ps(a.s3,b.s3));}
static long *rowStart; static int *cols; static float *vals;
static unsigned char pix[ROWS][WIDTH];
static unsigned long long xr(unsigned long long*s){*s^=*s<<13;*s^=*s>>7;*s^=*s<<17;return *s;}
int main(int argc,char**argv){
  FILE*f=fopen(argv[1],"rb");fseek(f,16,SEEK_SET);fread(pix,1,sizeof pix,f);fclose(f);
  rowStart=malloc(8*(ROWS+1)); long n=0; for(int r=0;r<ROWS;r++)for(int c=0;c<WIDTH;c++)if(pix[r][c])n++;
  cols=malloc(4*n);vals=malloc(4*n);n=0;rowStart[0]=0;
  for(int r=0;r<ROWS;r++){for(int c=0;c<WIDTH;c++)if(pix[r][c]){cols[n]=c;vals[n]=pix[r][c]/255.0f;n++;}rowStart[r+1]=n;}
  int perm[ROWS]; for(int i=0;i<ROWS;i++)perm[i]=i; unsigned long long s=7;
  int *bc=aligned_alloc(64,4*BATCH*WIDTH); float *bv=aligned_alloc(64,4*BATCH*WIDTH);
  int *rowOf=aligned_alloc(64,4*BATCH*WIDTH); float *vbc=aligned_alloc(64,4*BATCH*WIDTH);
  int cs[WIDTH+1], rs[BATCH+1];
  int Ks[]={1,2,4,8};
  float *W[8],*G[8],*V[8],*out[8],*delta[8];
  for(int k=0;k<8;k++){W[k]=aligned_alloc(64,4*WIDTH*UNITS+64);G[k]=aligned_alloc(64,4*WIDTH*UNITS+64);V[k]=aligned_alloc(64,4*WIDTH*UNITS+64);
    out[k]=aligned_alloc(64,4*BATCH*UNITS+64);delta[k]=aligned_alloc(64,4*BATCH*UNITS+64);
    for(int i=0;i<WIDTH*UNITS;i++){W[k][i]=((xr(&s)%1000)-500)/5000.0f;V[k][i]=0;}
    for(int i=0;i<BATCH*UNITS;i++)delta[k][i]=((xr(&s)%1000)-500)/5000.0f;}
  int momentum=argc>2?atoi(argv[2]):0;
  for(int ki=0;ki<4;ki++){int K=Ks[ki]; double best=1e9;
    for(int rep=0;rep<3;rep++){
      for(int i=ROWS-1;i>0;i--){int j=xr(&s)%(i+1);int t=perm[i];perm[i]=perm[j];perm[j]=t;}
      double t0=now();
      for(int b=0;b+BATCH<=ROWS;b+=BATCH){
        for(int k=b+BATCH;k<b+2*BATCH&&k<ROWS;k++){int r=perm[k];for(long q=rowStart[r];q<rowStart[r+1];q+=16){_mm_prefetch((char*)(cols+q),_MM_HINT_T1);_mm_prefetch((char*)(vals+q),_MM_HINT_T1);}}
        int cnt=0;rs[0]=0;
        for(int k=0;k<BATCH;k++){int r=perm[b+k];long st=rowStart[r],len=rowStart[r+1]-st;memcpy(bc+cnt,cols+st,4*len);memcpy(bv+cnt,vals+st,4*len);cnt+=len;rs[k+1]=cnt;}
        memset(cs,0,sizeof cs); for(int q=0;q<cnt;q++)cs[bc[q]+1]++; for(int c=0;c<WIDTH;c++)cs[c+1]+=cs[c];
        for(int k=0;k<BATCH;k++)for(int q=rs[k];q<rs[k+1];q++){int c=bc[q];int sl=cs[c];rowOf[sl]=k;vbc[sl]=bv[q];cs[c]=sl+1;}
        for(int c=WIDTH;c>0;c--)cs[c]=cs[c-1]; cs[0]=0;
        for(int m=0;m<K;m++){
          float*w=W[m];
          for(int i=0;i<BATCH;i++){Sums e=zero(),o=zero();int p=rs[i],end=rs[i+1];
            for(;p+1<end;p+=2){e=add(e,bv[p],w+bc[p]*UNITS);o=add(o,bv[p+1],w+bc[p+1]*UNITS);}
            if(p<end)e=add(e,bv[p],w+bc[p]*UNITS); store(out[m]+i*UNITS,e,o);}
          float*d=delta[m]; d[0]+=out[m][0]*1e-9f;
          for(int c=0;c<WIDTH;c++){int p=cs[c],end=cs[c+1];Sums e=zero(),o=zero();
            for(;p+1<end;p+=2){e=add(e,vbc[p],d+rowOf[p]*UNITS);o=add(o,vbc[p+1],d+rowOf[p+1]*UNITS);}
            if(p<end)e=add(e,vbc[p],d+rowOf[p]*UNITS); store(G[m]+c*UNITS,e,o);}
          __m512 lr=_mm512_set1_ps(1e-3f), mo=_mm512_set1_ps(0.9f); float*g=G[m],*v=V[m];
          if(momentum) for(int i=0;i<WIDTH*UNITS;i+=16){__m512 vv=_mm512_fnmadd_ps(lr,_mm512_loadu_ps(g+i),_mm512_mul_ps(mo,_mm512_loadu_ps(v+i)));_mm512_storeu_ps(v+i,vv);_mm512_storeu_ps(w+i,_mm512_add_ps(_mm512_loadu_ps(w+i),vv));}
          else for(int i=0;i<WIDTH*UNITS;i+=16)_mm512_storeu_ps(w+i,_mm512_fnmadd_ps(lr,_mm512_loadu_ps(g+i),_mm512_loadu_ps(w+i)));
        }
      }
      double t=now()-t0; if(t<best)best=t;}
    printf("K=%d momentum=%d: %.2f ms per model-epoch\n",K,momentum,best*1e3/K);}
}
